package org.dsarflow.process;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Requests made for someone else, end to end: a parent asking for a child's data, a competent child who does
 * not agree, a solicitor with signed authority, and a copy holding other people's information held back until
 * the DPO deals with it (ICO right of access: requests on behalf of others, children, other people's information).
 */
@QuarkusTest
class RequestsForOthersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PARENT = "pat.parent@example.org";
    private static final String SOLICITOR = "sol.icitor@example.org";
    private static final String CHILD_NAME = "Robin Youngperson";
    private static final String REASONS = "Robin is 15 and told the researcher she wants her mother kept out of it";
    private static final String REDACTION_REASONS = "The foster carer Jo Carer's name removed from the transcript";

    @Inject
    MockMailbox mailbox;
    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;

    private String study;

    @BeforeEach
    void aStudyOfChildrenAndTheirSocialWorkers() {
        mailbox.clear();
        study = registerStudy();
    }

    @Test
    void aParentAsksForTheirChildsDataAndIsAnsweredOnceAuthorityIsShownAndTheChildJudgedNotCompetent() {
        String childEmail = person("CHILD", "drive");
        String reference = logRequest(childEmail, PARENT, "PARENT_OR_GUARDIAN", "CHILD");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("status", equalTo("AWAITING_REVIEW"))
                .body("onBehalfOf.relationship", equalTo("PARENT_OR_GUARDIAN"))
                .body("onBehalfOf.subjectName", equalTo(CHILD_NAME))
                .body("onBehalfOf.child", equalTo(true))
                .body("onBehalfOf.authority", nullValue());
        auditor().get("/api/requests/{ref}", reference).then()
                .body("onBehalfOf.relationship", equalTo("PARENT_OR_GUARDIAN"))
                .body("onBehalfOf.subjectName", nullValue())
                .body("onBehalfOf.subjectCategory", nullValue());
        Jobs.runEmails(runtime, management, reference);
        Mail acknowledgement = only(PARENT);
        assertThat(acknowledgement.getText()).contains("on behalf of another person", "parent or guardian",
                "evidence that you may act for them");
        assertNothingOfTheSubjectIn(acknowledgement, childEmail);

        // Nothing is disclosed before the authority is recorded.
        dpo().body(approveWith(null)).post("/api/requests/{ref}/review", reference).then()
                .statusCode(409).body("code", equalTo("AUTHORITY_MISSING"));

        dpo().body(Map.of("kind", "AUTHORITY_REQUESTED", "on", "2025-06-03",
                        "reason", "Please send a copy of the child's birth certificate."))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200)
                .body("status", equalTo("AWAITING_AUTHORITY"))
                .body("clock.awaiting", equalTo(List.of("AUTHORITY")))
                .body("deadline", nullValue());
        Jobs.runEmails(runtime, management, reference);
        Mail authorityRequest = mailbox.getMailsSentTo(PARENT).get(1);
        assertThat(authorityRequest.getSubject()).contains("show that you may act");
        assertThat(authorityRequest.getText()).contains("birth certificate", "starts again");
        assertNothingOfTheSubjectIn(authorityRequest, childEmail);

        dpo().body(Map.of("evidence", "PARENTAL_RESPONSIBILITY", "receivedOn", "2025-06-10"))
                .post("/api/requests/{ref}/authority", reference).then().statusCode(200)
                .body("status", equalTo("AWAITING_REVIEW"))
                .body("clockStartedOn", equalTo("2025-06-10"))
                .body("deadline", equalTo("2025-07-10"))
                .body("onBehalfOf.authority.evidence", equalTo("PARENTAL_RESPONSIBILITY"))
                .body("onBehalfOf.authority.recordedBy", equalTo("dpo"));

        // A child's request needs the DPO's judgement of the child's competence.
        dpo().body(approveWith(null)).post("/api/requests/{ref}/review", reference).then()
                .statusCode(400).body("field", equalTo("childJudgement"));
        dpo().body(approveWith(judgement(false, null, "REQUESTER"))).post("/api/requests/{ref}/review", reference)
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.review.respondTo", equalTo("REQUESTER"))
                .body("decision.review.childJudgement.competent", equalTo(false))
                .body("decision.review.childJudgement.reasons", equalTo(REASONS));
        Jobs.runEmails(runtime, management, reference);
        Mail response = mailbox.getMailsSentTo(PARENT).get(2);
        assertThat(response.getSubject()).startsWith("Our response");
        assertThat(response.getText()).contains("you made on behalf of another person", "their data is held");
        assertNothingOfTheSubjectIn(response, childEmail);
        assertThat(mailbox.getMailsSentTo(childEmail)).isEmpty();

        JsonPath history = auditor().get("/api/requests/{ref}/history", reference).then().statusCode(200)
                .body("action", hasItem("AUTHORITY_RECORDED"))
                .extract().jsonPath();
        assertThat(history.getString("find { it.action == 'DECISION_REVIEWED' }.detail.childCompetent"))
                .isEqualTo("false");
        assertThat(history.prettify()).doesNotContain(REASONS, CHILD_NAME, childEmail, PARENT);
        auditor().get("/api/requests/{ref}", reference).then()
                .body("decision.review.childJudgement.competent", equalTo(false))
                .body("decision.review.childJudgement.reasons", nullValue());
    }

    @Test
    void aCompetentChildWhoDidNotAgreeIsAnsweredThemselvesOrTheRequestIsRefusedToTheParent() {
        String childEmail = person("CHILD", "drive");
        String answeredToChild = authorised(logRequest(childEmail, PARENT, "PARENT_OR_GUARDIAN", null));
        dpo().get("/api/requests/{ref}", answeredToChild).then().body("onBehalfOf.child", equalTo(true));
        dpo().body(approveWith(judgement(true, false, "REQUESTER"))).post("/api/requests/{ref}/review", answeredToChild)
                .then().statusCode(400).body("field", equalTo("childJudgement.respondTo"));
        dpo().body(approveWith(judgement(true, false, "SUBJECT"))).post("/api/requests/{ref}/review", answeredToChild)
                .then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("decision.review.respondTo", equalTo("SUBJECT"));
        mailbox.clear();
        Jobs.runEmails(runtime, management, answeredToChild);
        assertThat(mailbox.getMailsSentTo(PARENT)).isEmpty();
        Mail toChild = only(childEmail);
        assertThat(toChild.getText()).startsWith("Dear " + CHILD_NAME)
                .contains("made for you by your parent or guardian", "answering you directly");

        String refused = authorised(logRequest(childEmail, PARENT, "PARENT_OR_GUARDIAN", null));
        dpo().body(Map.of("approve", false, "refusalReason", "NO_AUTHORITY_TO_ACT",
                        "justification", "The person concerned has not agreed to you acting for them.",
                        "childJudgement", judgement(true, false, "REQUESTER")))
                .post("/api/requests/{ref}/review", refused).then().statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("outcome", equalTo("NO_AUTHORITY_TO_ACT"));
        mailbox.clear();
        Jobs.runEmails(runtime, management, refused);
        assertThat(mailbox.getMailsSentTo(childEmail)).isEmpty();
        Mail refusal = only(PARENT);
        assertThat(refusal.getText()).contains("not satisfied that you may act for them");
        assertNothingOfTheSubjectIn(refusal, childEmail);
        dpo().get("/api/requests/{ref}/response-package", refused).then().statusCode(409)
                .body("code", equalTo("NOT_APPROVED"));
    }

    @Test
    void aChildToBeAnsweredDirectlyWithNoEmailAddressAmongTheirIdentifiersIsAnsweredByPost() {
        Map<String, String> identifiers = Map.of("firstInitial", "R", "surnamePrefix", "Yo",
                "localAuthority", "Bexley");
        Map<String, String> held = new HashMap<>(identifiers);
        held.put("email", "robin.y@example.org");
        Studies.importSubjects(study, List.of(Map.of("subjectRef", "F-" + NEXT.incrementAndGet(),
                "category", "CHILD", "identifiers", held, "holdings", List.of("drive"))));
        Map<String, Object> body = new HashMap<>(Studies.requestFor(study, "ACCESS", "2025-06-02", identifiers));
        body.put("requester", Map.of("name", "Pat Parent", "email", PARENT));
        body.put("onBehalfOf", Map.of("relationship", "PARENT_OR_GUARDIAN"));
        String reference = authorised(dpo().body(body).post("/api/requests").then().statusCode(201)
                .body("status", equalTo("AWAITING_REVIEW")).extract().path("reference"));

        dpo().body(approveWith(judgement(true, true, "SUBJECT"))).post("/api/requests/{ref}/review", reference)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        mailbox.clear();
        Jobs.runEmails(runtime, management, reference);
        assertThat(mailbox.getTotalMessagesSent()).isZero();
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("find { it.action == 'EMAIL_NOT_SENT' }.detail.template", equalTo("RESPONSE"))
                .body("find { it.action == 'EMAIL_NOT_SENT' }.detail.recipient", equalTo("SUBJECT"))
                .body("find { it.action == 'EMAIL_NOT_SENT' }.detail.response", equalTo("TO_BE_SENT_BY_POST"));
    }

    @Test
    void aSolicitorWithSignedAuthorityIsAnsweredWithoutAChildJudgement() {
        String adultEmail = person("SOCIAL_WORKER", "drive");
        String reference = logRequest(adultEmail, SOLICITOR, "LEGAL_REPRESENTATIVE", null);
        dpo().get("/api/requests/{ref}", reference).then().body("onBehalfOf.child", equalTo(false));

        dpo().body(Map.of("evidence", "SIGNED_AUTHORITY", "receivedOn", "2025-06-02"))
                .post("/api/requests/{ref}/authority", reference).then().statusCode(200)
                .body("status", equalTo("AWAITING_REVIEW"))
                .body("deadline", equalTo("2025-07-02"));
        dpo().body(Map.of("evidence", "SIGNED_AUTHORITY", "receivedOn", "2025-06-02"))
                .post("/api/requests/{ref}/authority", reference).then().statusCode(200);
        dpo().body(Map.of("evidence", "COURT_ORDER", "receivedOn", "2025-06-02"))
                .post("/api/requests/{ref}/authority", reference).then().statusCode(409)
                .body("code", equalTo("AUTHORITY_ALREADY_RECORDED"));
        dpo().body(Map.of("kind", "AUTHORITY_REQUESTED", "on", "2025-06-03"))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(409)
                .body("code", equalTo("NO_AUTHORITY_NEEDED"));

        dpo().body(approveWith(judgement(true, true, "REQUESTER"))).post("/api/requests/{ref}/review", reference)
                .then().statusCode(400).body("field", equalTo("childJudgement"));
        dpo().body(approveWith(null)).post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        Jobs.runEmails(runtime, management, reference);
        List<Mail> toSolicitor = mailbox.getMailsSentTo(SOLICITOR);
        assertThat(toSolicitor).hasSize(2);
        assertThat(toSolicitor.get(0).getText()).contains("legal representative", "We have your authority");
        toSolicitor.forEach(mail -> assertNothingOfTheSubjectIn(mail, adultEmail));
        assertThat(mailbox.getMailsSentTo(adultEmail)).isEmpty();
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("find { it.action == 'AUTHORITY_RECORDED' }.detail.evidence", equalTo("SIGNED_AUTHORITY"))
                .body("find { it.action == 'DECISION_REVIEWED' }.detail.authority", equalTo("SIGNED_AUTHORITY"));
    }

    @Test
    void aCopyHoldingOtherPeoplesInformationIsHeldBackUntilTheDpoRecordsItsRedaction() {
        String email = person("SOCIAL_WORKER", "drive", "interviews");
        String reference = dpo().body(Studies.requestFor(study, "ACCESS", "2025-06-02", Map.of("email", email)))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        dpo().body(approveWith(null)).post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("decision.actions.find { it.holdingKey == 'interviews' }.state", equalTo("AWAITING_REDACTION"))
                .body("decision.actions.find { it.holdingKey == 'interviews' }.redactionNeeded", equalTo(true))
                .body("decision.actions.find { it.holdingKey == 'drive' }.state", equalTo("DONE"));
        dpo().get("/api/requests/{ref}/response-package", reference).then().statusCode(409)
                .body("code", equalTo("REDACTION_PENDING"));
        dpo().get("/api/tasks?page=0&size=200").then()
                .body("items.find { it.reference == '" + reference + "' }.redactionTask", equalTo(study + "/interviews"));

        dpo().body(Map.of("holdingKey", "drive", "outcome", "REDACTED", "reasons", "Nothing to redact"))
                .post("/api/requests/{ref}/redactions", reference).then().statusCode(409)
                .body("code", equalTo("NO_REDACTION_STEP"));
        dpo().body(Map.of("holdingKey", "interviews", "outcome", "REDACTED", "reasons", REDACTION_REASONS))
                .post("/api/requests/{ref}/redactions", reference).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("decision.actions.find { it.holdingKey == 'interviews' }.redaction", equalTo("REDACTED"));

        String responsePackage = dpo().get("/api/requests/{ref}/response-package", reference).then().statusCode(200)
                .body("studies[0].holdings.find { it.holdingKey == 'interviews' }.othersInformation",
                        equalTo("REDACTED"))
                .body("studies[0].holdings.find { it.holdingKey == 'drive' }.othersInformation", nullValue())
                .extract().asString();
        assertThat(responsePackage).doesNotContain("Jo Carer");
        Jobs.runEmails(runtime, management, reference);
        Mail response = mailbox.getMailsSentTo("alex.example@example.org").stream()
                .filter(mail -> mail.getSubject().startsWith("Our response")).findFirst().orElseThrow();
        assertThat(response.getText()).contains("interviews: the other people's information was removed")
                .doesNotContain("Jo Carer");
        auditor().get("/api/requests/{ref}/history", reference).then()
                .body("find { it.action == 'REDACTION_RECORDED' }.detail.outcome", equalTo("REDACTED"))
                .body(not(org.hamcrest.Matchers.containsString("Jo Carer")));
    }

    // ---- fixtures ----

    private String registerStudy() {
        String key = "family-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
        Map<String, Object> interviews = new HashMap<>(Studies.holding("interviews", "Interview recordings and "
                + "transcripts", "INTERNAL", "IDENTIFIED", "PRIMARY"));
        interviews.put("othersInformation", true);
        admin().body(Map.of(
                        "key", key,
                        "name", "Families study " + key,
                        "contactMailbox", "research@example.org",
                        "phase", "COLLECTION",
                        "phaseSince", "2024-01-01",
                        "identifierSchemes", List.of(List.of("email"),
                                List.of("firstInitial", "surnamePrefix", "localAuthority")),
                        "lawfulBases", List.of(Map.of("purpose", "Evaluate the programme", "basis", "Public task")),
                        "recipients", List.of(),
                        "categories", List.of("CHILD", "SOCIAL_WORKER"),
                        "holdings", List.of(Studies.holding("drive", "Restricted shared drive", "INTERNAL",
                                "IDENTIFIED", "PRIMARY"), interviews)))
                .post("/api/studies").then().statusCode(201);
        return key;
    }

    /** A person of {@code category} held in {@code holdings} of the study; answers their email. */
    private String person(String category, String... holdings) {
        String email = "p" + System.nanoTime() + "-" + NEXT.incrementAndGet() + "@example.org";
        Studies.importSubjects(study, List.of(Map.of("subjectRef", "F-" + NEXT.incrementAndGet(),
                "category", category, "identifiers", Map.of("email", email), "holdings", List.of(holdings),
                "attributes", Map.of("stressScore", "4"))));
        return email;
    }

    /** An access request by {@code requesterEmail} for the person whose email is given, located at once. */
    private String logRequest(String subjectEmail, String requesterEmail, String relationship, String category) {
        Map<String, Object> onBehalfOf = new LinkedHashMap<>();
        onBehalfOf.put("relationship", relationship);
        onBehalfOf.put("subjectName", CHILD_NAME);
        if (category != null) {
            onBehalfOf.put("subjectCategory", category);
        }
        return dpo().body(Map.of(
                        "type", "ACCESS",
                        "receivedAt", "2025-06-02",
                        "channel", "EMAIL",
                        "requester", Map.of("name", "Pat Parent", "email", requesterEmail),
                        "onBehalfOf", onBehalfOf,
                        "identifiers", Map.of("email", subjectEmail),
                        "studyKeys", List.of(study)))
                .post("/api/requests").then().statusCode(201)
                .body("status", equalTo("AWAITING_REVIEW"))
                .extract().path("reference");
    }

    /** The representative's authority recorded with the request, and the acknowledgement sent. */
    private String authorised(String reference) {
        Jobs.runEmails(runtime, management, reference);
        dpo().body(Map.of("evidence", "PARENTAL_RESPONSIBILITY", "receivedOn", "2025-06-02"))
                .post("/api/requests/{ref}/authority", reference).then().statusCode(200);
        return reference;
    }

    private static Map<String, Object> approveWith(Map<String, Object> childJudgement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approve", true);
        if (childJudgement != null) {
            body.put("childJudgement", childJudgement);
        }
        return body;
    }

    private static Map<String, Object> judgement(boolean competent, Boolean agreed, String respondTo) {
        Map<String, Object> judgement = new LinkedHashMap<>();
        judgement.put("competent", competent);
        if (agreed != null) {
            judgement.put("agreedToRepresentative", agreed);
        }
        judgement.put("respondTo", respondTo);
        judgement.put("reasons", REASONS);
        return judgement;
    }

    private Mail only(String address) {
        List<Mail> sent = mailbox.getMailsSentTo(address);
        assertThat(sent).hasSize(1);
        return sent.get(0);
    }

    /** An email to a representative names neither the subject nor carries their identifiers. */
    private static void assertNothingOfTheSubjectIn(Mail mail, String subjectEmail) {
        assertThat(mail.getText()).doesNotContain(CHILD_NAME, subjectEmail);
        assertThat(mail.getHtml()).doesNotContain(CHILD_NAME, subjectEmail);
    }
}
