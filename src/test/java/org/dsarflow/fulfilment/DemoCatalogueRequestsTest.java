package org.dsarflow.fulfilment;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.dsarflow.Jobs;
import org.dsarflow.subject.SubjectLookup;
import org.dsarflow.subject.SubjectRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every request type, end to end, on the studies of the bundled demo catalogue (the five privacy
 * notices). Each test enrols people of its own into a demo study, so tests never act on each other's
 * people nor on the synthetic registry.
 */
@QuarkusTest
class DemoCatalogueRequestsTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final List<String> KITBAGS_RECIPIENTS = List.of(
            "Pre-approved transcription vendors",
            "Pre-approved online survey platform providers",
            "Office for National Statistics Secure Research Service (archive)");
    private static final String POLLING_RECIPIENT = "Dias Creative (manages the WWCSC website)";
    private static final String JUSTIFICATION =
            "Analysis had started when the request arrived; the study lead confirmed that removing the answers"
                    + " would seriously impair the research (Art. 89(1) safeguards in place)";

    @Inject
    MockMailbox mailbox;
    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;

    /** One person enrolled in a demo study by a test. */
    private record Person(String studyKey, String subjectRef, Map<String, String> identifiers) {
        String email() {
            return identifiers.get("email");
        }
    }

    /** The registry's copy of a person, read in a transaction of its own. */
    private record Registered(Set<String> holdings, Map<String, String> attributes, String restrictedBy, long lookups) {
    }

    @BeforeEach
    void demoCatalogueIsLoaded() {
        // Loading is idempotent: a study already registered (by another test or at start) is left as it is.
        admin().post("/api/demo-catalogue?subjectsPerStudy=20").then().statusCode(200);
    }

    @Test
    void aKitbagsSocialWorkerWithdrawingConsentBeforeAnalysisHasEverythingErased() {
        Person worker = enrol("kitbags", "SOCIAL_WORKER", Map.of("wellbeingScore", "3"),
                "survey", "research-data", "la-data", "kitbag-notes", "interview-recordings", "transcription",
                "workshop-observation");
        String reference = logged(worker, "CONSENT_WITHDRAWAL", "2021-08-16");

        dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("decision.phases[0].atReceipt", equalTo("COLLECTION"))
                .body("decision.phases[0].today", equalTo("ANALYSIS"))
                .body("decision.phases[0].used", equalTo("COLLECTION"))
                .body("decision.actions.findAll { it.holdingKey != 'workshop-observation' }.action",
                        everyItem(equalTo("ERASE")))
                .body("decision.actions.findAll { it.action == 'ERASE' }.holdingKey", containsInAnyOrder(
                        "survey", "research-data", "la-data", "kitbag-notes", "interview-recordings", "transcription"))
                .body("decision.actions.find { it.holdingKey == 'workshop-observation' }.action",
                        equalTo("NOT_IDENTIFIABLE"))
                .body("decision.actions.find { it.holdingKey == 'la-data' }.basis", containsString("Art. 7(3)"));

        approve(reference).body("status", equalTo("IN_PROGRESS"))
                .body("decision.actions.findAll { it.state == 'AWAITING_CUSTODIAN' }.holdingKey",
                        containsInAnyOrder("survey", "transcription"))
                .body("decision.actions.findAll { it.custody == 'INTERNAL' }.state", everyItem(equalTo("DONE")))
                .body("recipientNotifications.recipient", containsInAnyOrder(KITBAGS_RECIPIENTS.toArray()))
                .body("recipientNotifications.actions", everyItem(contains("ERASE")));
        assertThat(registered(worker)).as("internal data, attributes and lookup hashes erased").isEmpty();
        assertThat(custodianTasks(reference)).containsExactlyInAnyOrder("kitbags/survey", "kitbags/transcription");

        confirm(reference, "transcription", "2021-09-10").body("status", equalTo("IN_PROGRESS"));
        confirm(reference, "survey", "2021-09-14").body("status", equalTo("COMPLETED"))
                .body("outcome", equalTo("FULFILLED"))
                .body("decision.actions.state", everyItem(equalTo("DONE")));
        assertThat(custodianTasks(reference)).isEmpty();
        assertCannotBeLocated(worker);
    }

    @Test
    void aKitbagsSocialWorkerWithdrawingAfterAnalysisStartedKeepsOnlyPseudonymisedResearchData() {
        Person worker = enrol("kitbags", "SOCIAL_WORKER", Map.of("wellbeingScore", "6", "contactPhone", "07700 900123"),
                "survey", "research-data", "la-data", "interview-recordings", "transcription");
        String reference = logged(worker, "CONSENT_WITHDRAWAL", "2025-01-10");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("decision.phases[0].used", equalTo("ANALYSIS"))
                .body("decision.actions.action", everyItem(equalTo("RETAIN_PSEUDONYMISED")))
                .body("decision.actions.basis", everyItem(containsString("Art. 17(3)(d)")));

        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(400)
                .body("field", equalTo("justification"));
        dpo().get("/api/requests/{ref}", reference).then().body("status", equalTo("AWAITING_REVIEW"));

        dpo().body(Map.of("approve", true, "justification", JUSTIFICATION))
                .post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("decision.review.justification", equalTo(JUSTIFICATION))
                .body("decision.actions.findAll { it.state == 'AWAITING_CUSTODIAN' }.holdingKey",
                        containsInAnyOrder("survey", "transcription"))
                .body("recipientNotifications.recipient", containsInAnyOrder(KITBAGS_RECIPIENTS.toArray()))
                .body("recipientNotifications.actions", everyItem(contains("RETAIN_PSEUDONYMISED")));
        Registered kept = registered(worker).orElseThrow();
        assertThat(kept.attributes()).as("research data kept; identifiers and contact details gone")
                .containsExactlyEntriesOf(Map.of("wellbeingScore", "6"));
        assertThat(kept.holdings()).contains("research-data", "la-data");
        assertThat(kept.lookups()).isZero();

        confirm(reference, "survey", "2025-02-03");
        confirm(reference, "transcription", "2025-02-04").body("status", equalTo("COMPLETED"));
        assertCannotBeLocated(worker);
    }

    @Test
    void theResponseSaysWhatTheDpoChoseAndWhenTheCustodianConfirmedNotWhatWasProposedOrPromised() {
        Person worker = enrol("kitbags", "SOCIAL_WORKER", Map.of("wellbeingScore", "5"),
                "survey", "research-data", "prize-draw");
        String requester = "requester." + unique() + "@example.org";
        String reference = dpo().body(Map.of("type", "CONSENT_WITHDRAWAL", "receivedAt", "2025-06-02",
                        "channel", "EMAIL", "requester", Map.of("name", "Demo Requester", "email", requester),
                        "identifiers", worker.identifiers(), "studyKeys", List.of("kitbags")))
                .post("/api/requests").then().statusCode(201)
                .body("decision.actions.action", everyItem(equalTo("RETAIN_PSEUDONYMISED")))
                .extract().path("reference");
        Jobs.runEmails(runtime, management, reference);

        dpo().body(Map.of("approve", true, "justification", JUSTIFICATION,
                        "amendments", List.of(Map.of("holdingKey", "prize-draw", "action", "ERASE"))))
                .post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("decision.actions.find { it.holdingKey == 'prize-draw' }.explanation", allOf(
                        containsString("we delete all of your data held here."),
                        endsWith("Our data protection officer decided this on reviewing your request."),
                        not(containsString("analysis"))))
                .body("decision.actions.find { it.holdingKey == 'research-data' }.explanation",
                        containsString("The study's analysis had already started when we received your request"))
                .body("decision.actions.find { it.holdingKey == 'survey' }.explanation",
                        endsWith("is held for us by a custodian: we have asked them to act and will confirm to you"
                                + " once they have."));
        confirm(reference, "survey", "2025-07-01").body("status", equalTo("COMPLETED"))
                .body("decision.actions.find { it.holdingKey == 'survey' }.explanation",
                        endsWith("Online survey platform (pre-approved provider) is held for us by a custodian, who"
                                + " confirmed on 2025-07-01 that this has been done."));

        Jobs.runEmails(runtime, management, reference);
        Mail response = mailbox.getMailsSentTo(requester).stream()
                .filter(mail -> mail.getSubject().startsWith("Our response")).findFirst().orElseThrow();
        assertThat(response.getText())
                .contains("Prize-draw email addresses, separated from survey data on extraction (WWCSC): we delete"
                        + " all of your data held here. Our data protection officer decided this on reviewing your request.")
                .contains("who confirmed on 2025-07-01 that this has been done.")
                .doesNotContain("will confirm to you once they have", "had not started its analysis");
    }

    @Test
    void aPollingParticipantsAccessRequestGetsTheirDataAndTheSupplementaryInformation() {
        Person member = enrol("polling", "SOCIAL_WORKER",
                Map.of("pollTopicScore", "4", "preferredTopic", "Supervision and reflective practice"),
                "registration", "poll-responses");
        String reference = logged(member, "ACCESS", "2025-02-03");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("decision.actions.action", contains("EXPORT", "EXPORT"));
        dpo().get("/api/requests/{ref}/response-package", reference).then().statusCode(409)
                .body("code", equalTo("NOT_APPROVED"));

        approve(reference).body("status", equalTo("IN_PROGRESS"))
                .body("decision.actions.find { it.holdingKey == 'registration' }.state", equalTo("AWAITING_CUSTODIAN"))
                .body("decision.actions.find { it.holdingKey == 'poll-responses' }.state", equalTo("DONE"))
                .body("recipientNotifications", empty());
        assertThat(custodianTasks(reference)).containsExactly("polling/registration");
        confirm(reference, "registration", "2025-02-10").body("status", equalTo("COMPLETED"));

        dpo().get("/api/requests/{ref}/response-package", reference).then().statusCode(200)
                .header("Content-Disposition", containsString(reference + "-response.json"))
                .body("type", equalTo("ACCESS"))
                .body("studies", hasSize(1))
                .body("studies[0].studyKey", equalTo("polling"))
                .body("studies[0].subjectRef", equalTo(member.subjectRef()))
                .body("studies[0].category", equalTo("SOCIAL_WORKER"))
                .body("studies[0].restricted", equalTo(false))
                .body("studies[0].attributes", equalTo(Map.of("pollTopicScore", "4",
                        "preferredTopic", "Supervision and reflective practice")))
                // Polling has no internal identified holding: its registration records are with Dias Creative.
                .body("studies[0].identifiers", equalTo(Map.of()))
                .body("studies[0].holdings.holdingKey", containsInAnyOrder("registration", "poll-responses"))
                .body("studies[0].holdings.find { it.holdingKey == 'registration' }.custody", equalTo("EXTERNAL"))
                .body("studies[0].holdings.find { it.holdingKey == 'registration' }.state", equalTo("DONE"))
                .body("studies[0].holdings.retention", everyItem(startsWith("As long as necessary")))
                .body("studies[0].holdings.sourceDescription", everyItem(equalTo("Collected from you")))
                .body("studies[0].purposes", hasSize(6))
                .body("studies[0].purposes.purpose", hasItem("Send you a thank-you gift"))
                .body("studies[0].purposes.basis", everyItem(containsString("Legitimate interests")))
                .body("studies[0].recipients", contains(POLLING_RECIPIENT))
                .body("rights", hasItem(containsString("rectified")))
                .body("rights", hasItem(containsString("object")))
                .body("complaint.authority", equalTo("Information Commissioner's Office"))
                .body("complaint.website", equalTo("https://ico.org.uk/make-a-complaint/"));

        String csv = dpo().queryParam("format", "csv").get("/api/requests/{ref}/response-package", reference)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).first().isEqualTo("studyKey,subjectRef,kind,name,value");
        assertThat(csvRows(csv)).containsExactlyInAnyOrder(
                csvRow("polling", member.subjectRef(), "attribute", "pollTopicScore", "4"),
                csvRow("polling", member.subjectRef(), "attribute", "preferredTopic", "Supervision and reflective practice"));
        auditor().get("/api/requests/{ref}/response-package", reference).then().statusCode(403);
    }

    @Test
    void anArchivedModRecordKeepsItsPseudonymisedDataAndTheArchiveIsNotIdentifiable() {
        Person staff = enrol("mod-next-generation", "STAFF", Map.of("pseudonymId", "PSN-T" + unique()),
                Map.of("engagementScore", "8"),
                "survey", "survey-results", "admin-data", "interview-recordings", "transcription", "archive");
        String reference = logged(staff, "ERASURE", "2025-02-03");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("decision.phases[0].used", equalTo("ARCHIVED"))
                .body("decision.actions.find { it.holdingKey == 'archive' }.action", equalTo("NOT_IDENTIFIABLE"))
                .body("decision.actions.find { it.holdingKey == 'archive' }.basis", containsString("Art. 11(2)"))
                .body("decision.actions.findAll { it.holdingKey != 'archive' }.action",
                        everyItem(equalTo("RETAIN_PSEUDONYMISED")))
                .body("decision.actions", hasSize(6));

        approveWithJustification(reference)
                .body("decision.actions.findAll { it.state == 'AWAITING_CUSTODIAN' }.holdingKey",
                        containsInAnyOrder("survey", "transcription"))
                .body("recipientNotifications", hasSize(4))
                .body("recipientNotifications.actions", everyItem(contains("RETAIN_PSEUDONYMISED")));
        Registered kept = registered(staff).orElseThrow();
        assertThat(kept.attributes()).containsExactlyEntriesOf(Map.of("engagementScore", "8"));
        assertThat(kept.lookups()).isZero();
        assertThat(custodianTasks(reference)).containsExactlyInAnyOrder(
                "mod-next-generation/survey", "mod-next-generation/transcription");

        confirm(reference, "survey", "2025-02-20");
        confirm(reference, "transcription", "2025-02-21").body("status", equalTo("COMPLETED"));
    }

    @Test
    void aRectifiedResearchAttributeIsCorrectedInTheRegistryAndToldToRecipients() {
        Person worker = enrol("kitbags", "FOSTER_CARER", Map.of("wellbeingScore", "2"), "survey", "research-data");
        String reference = logged(worker, "RECTIFICATION", "2025-02-03", Map.of("wellbeingScore", "7"));
        dpo().get("/api/requests/{ref}", reference).then()
                .body("decision.actions.action", contains("RECTIFY", "RECTIFY"));

        approve(reference)
                .body("decision.actions.find { it.holdingKey == 'research-data' }.state", equalTo("DONE"))
                .body("decision.actions.find { it.holdingKey == 'survey' }.state", equalTo("AWAITING_CUSTODIAN"))
                .body("recipientNotifications.recipient", containsInAnyOrder(KITBAGS_RECIPIENTS.toArray()))
                .body("recipientNotifications.actions", everyItem(contains("RECTIFY")));
        assertThat(registered(worker).orElseThrow().attributes())
                .containsEntry("wellbeingScore", "7")
                .containsEntry("identifier.email", worker.email());
        confirm(reference, "survey", "2025-02-10").body("status", equalTo("COMPLETED"));
    }

    @Test
    void aCorrectedEmailLocatesThePersonInTheirNextRequest() {
        Person worker = enrol("kitbags", "SOCIAL_WORKER", Map.of("wellbeingScore", "5"), "research-data");
        String corrected = "corrected." + unique() + "@example.org";
        String reference = logged(worker, "RECTIFICATION", "2025-02-03", Map.of("email", corrected));

        approve(reference).body("status", equalTo("COMPLETED"))
                .body("decision.actions[0].action", equalTo("RECTIFY"))
                .body("recipientNotifications", hasSize(KITBAGS_RECIPIENTS.size()));
        Registered rectified = registered(worker).orElseThrow();
        assertThat(rectified.attributes()).containsEntry("identifier.email", corrected);
        assertThat(rectified.lookups()).isOne();

        Person byNewEmail = new Person(worker.studyKey(), worker.subjectRef(), Map.of("email", corrected));
        cancel(logged(byNewEmail, "ACCESS", "2025-03-03"));
        assertCannotBeLocated(worker);
    }

    @Test
    void aRestrictionFlagsTheRecordUntilTheDpoLiftsIt() {
        Person member = enrol("polling", "SOCIAL_WORKER", Map.of("pollTopicScore", "2"), "registration", "poll-responses");
        String reference = logged(member, "RESTRICTION", "2025-02-03");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("decision.actions.action", contains("RESTRICT", "RESTRICT"));

        approve(reference)
                .body("restriction.active", equalTo(true))
                .body("decision.actions.find { it.holdingKey == 'registration' }.state", equalTo("AWAITING_CUSTODIAN"))
                .body("recipientNotifications.recipient", contains(POLLING_RECIPIENT))
                .body("recipientNotifications[0].actions", contains("RESTRICT"));
        assertThat(registered(member).orElseThrow().restrictedBy()).isEqualTo(reference);
        confirm(reference, "registration", "2025-02-12").body("status", equalTo("COMPLETED"));
        dpo().get("/api/requests/{ref}/response-package", reference).then().statusCode(409);

        dpo().body(Map.of("reason", "Accuracy confirmed with the requester, told on 2025-03-01"))
                .post("/api/requests/{ref}/restriction/lift", reference).then().statusCode(200)
                .body("restriction.active", equalTo(false))
                .body("restriction.liftReason", equalTo("Accuracy confirmed with the requester, told on 2025-03-01"));
        assertThat(registered(member).orElseThrow().restrictedBy()).isNull();
        dpo().body(Map.of("reason", "Lifted twice"))
                .post("/api/requests/{ref}/restriction/lift", reference).then().statusCode(409)
                .body("code", equalTo("RESTRICTION_LIFTED"));
    }

    @Test
    void kitbagsPortabilityExportsOnlyWhatThePersonGaveUnderConsent() {
        Person carer = enrol("kitbags", "KINSHIP_CARER", Map.of("wellbeingScore", "9"),
                "survey", "research-data", "interview-recordings", "la-data", "kitbag-notes");
        String reference = logged(carer, "PORTABILITY", "2025-02-03");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("decision.actions.findAll { it.action == 'EXPORT' }.holdingKey",
                        containsInAnyOrder("survey", "research-data", "interview-recordings"))
                .body("decision.actions.findAll { it.action == 'NOT_APPLICABLE' }.holdingKey",
                        containsInAnyOrder("la-data", "kitbag-notes"));

        approve(reference).body("recipientNotifications", empty())
                .body("decision.actions.findAll { it.state == 'AWAITING_CUSTODIAN' }.holdingKey", contains("survey"));
        confirm(reference, "survey", "2025-02-10").body("status", equalTo("COMPLETED"));

        dpo().get("/api/requests/{ref}/response-package", reference).then().statusCode(200)
                .body("type", equalTo("PORTABILITY"))
                .body("studies[0].holdings.holdingKey", containsInAnyOrder("survey", "research-data", "interview-recordings"))
                .body("studies[0].identifiers", equalTo(Map.of("email", carer.email())))
                .body("studies[0].attributes", equalTo(Map.of("wellbeingScore", "9")));
        String csv = dpo().queryParam("format", "csv").get("/api/requests/{ref}/response-package", reference)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).first().isEqualTo("studyKey,subjectRef,kind,name,value");
        assertThat(csvRows(csv)).containsExactlyInAnyOrder(
                csvRow("kitbags", carer.subjectRef(), "identifier", "email", carer.email()),
                csvRow("kitbags", carer.subjectRef(), "attribute", "wellbeingScore", "9"));
    }

    @ParameterizedTest(name = "received {0}: {1}")
    @CsvSource({"2021-08-16, ERASE", "2025-01-10, RETAIN_PSEUDONYMISED"})
    void anObjectionFollowsTheErasureRows(String receivedAt, String expected) {
        Person child = enrol("kitbags", "YOUNG_PERSON", Map.of("wellbeingScore", "4"),
                "survey", "la-data", "interview-recordings", "workshop-observation");
        String reference = logged(child, "OBJECTION", receivedAt);
        dpo().get("/api/requests/{ref}", reference).then()
                .body("aboutAChild", equalTo(true))
                .body("decision.actions.findAll { it.holdingKey != 'workshop-observation' }.action",
                        everyItem(equalTo(expected)))
                .body("decision.actions.find { it.holdingKey == 'workshop-observation' }.action",
                        equalTo("NOT_IDENTIFIABLE"));

        // A young person's own objection follows the same table; the DPO judges their competence with the review.
        dpo().body(Map.of("approve", true, "justification", JUSTIFICATION, "childJudgement", Map.of(
                        "competent", true, "respondTo", "REQUESTER", "reasons", "Aged 17 and asked us herself")))
                .post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("decision.review.outcome", equalTo("APPROVED"))
                .body("decision.review.childJudgement.competent", equalTo(true))
                .body("recipientNotifications.recipient", containsInAnyOrder(KITBAGS_RECIPIENTS.toArray()))
                .body("recipientNotifications.actions", everyItem(contains(expected)));
        confirm(reference, "survey", "2025-02-10").body("status", equalTo("COMPLETED"));
        assertThat(registered(child).map(Registered::attributes))
                .isEqualTo(expected.equals("ERASE") ? Optional.empty() : Optional.of(Map.of("wellbeingScore", "4")));
    }

    /** Imports one person, with an email of their own, into a demo study. */
    private static Person enrol(String studyKey, String category, Map<String, String> attributes, String... holdings) {
        return enrol(studyKey, category, Map.of("email", "participant." + unique() + "@example.org"), attributes,
                holdings);
    }

    private static Person enrol(String studyKey, String category, Map<String, String> identifiers,
                                Map<String, String> attributes, String... holdings) {
        String subjectRef = "T-" + unique();
        admin().body(List.of(Map.of("subjectRef", subjectRef, "category", category, "identifiers", identifiers,
                        "holdings", List.of(holdings), "attributes", attributes)))
                .post("/api/studies/{key}/subjects", studyKey).then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected", empty());
        return new Person(studyKey, subjectRef, identifiers);
    }

    private static String logged(Person person, String type, String receivedAt) {
        return logged(person, type, receivedAt, Map.of());
    }

    /** Logs the person's request in their study; it is located and waits for the DPO's review. */
    private static String logged(Person person, String type, String receivedAt, Map<String, String> changes) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "type", type,
                "receivedAt", receivedAt,
                "channel", "EMAIL",
                "requester", Map.of("name", "Demo Requester", "email", "requester." + unique() + "@example.org"),
                "identifiers", person.identifiers(),
                "studyKeys", List.of(person.studyKey())));
        if (!changes.isEmpty()) {
            body.put("changes", changes);
        }
        return dpo().body(body).post("/api/requests").then().statusCode(201)
                .body("match.status", equalTo("UNIQUE"))
                .body("match.candidates.subjectRef", contains(person.subjectRef()))
                .body("status", equalTo("AWAITING_REVIEW"))
                .extract().path("reference");
    }

    /** A fresh request with the person's identifiers finds nobody; it is cancelled so it leaves no open task. */
    private static void assertCannotBeLocated(Person person) {
        Map<String, Object> body = Map.of("type", "ACCESS", "receivedAt", "2025-03-03", "channel", "EMAIL",
                "requester", Map.of("name", "Demo Requester", "email", "requester." + unique() + "@example.org"),
                "identifiers", person.identifiers(), "studyKeys", List.of(person.studyKey()));
        String reference = dpo().body(body).post("/api/requests").then().statusCode(201)
                .body("match.status", equalTo("NOT_FOUND"))
                .extract().path("reference");
        cancel(reference);
    }

    private static ValidatableResponse approve(String reference) {
        return dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("decision.review.outcome", equalTo("APPROVED"))
                .body("decision.review.justification", nullValue());
    }

    private static ValidatableResponse approveWithJustification(String reference) {
        return dpo().body(Map.of("approve", true, "justification", JUSTIFICATION))
                .post("/api/requests/{ref}/review", reference).then().statusCode(200)
                .body("decision.review.outcome", equalTo("APPROVED"));
    }

    private static ValidatableResponse confirm(String reference, String holdingKey, String on) {
        return dpo().body(Map.of("holdingKey", holdingKey, "confirmedOn", on, "note", "Custodian confirmed by email"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(200);
    }

    private static void cancel(String reference) {
        dpo().body(Map.of("reason", "Test check done")).post("/api/requests/{ref}/cancel", reference)
                .then().statusCode(200);
    }

    /** The request's open custodian tasks in the DPO inbox, read page by page (other tests leave tasks open). */
    private static List<String> custodianTasks(String reference) {
        List<String> found = new ArrayList<>();
        int size = 200;
        for (int page = 0; ; page++) {
            JsonPath inbox = dpo().queryParam("size", size).queryParam("page", page).get("/api/tasks")
                    .then().statusCode(200).extract().jsonPath();
            found.addAll(inbox.getList("items.findAll { it.reference == '" + reference + "' }.custodianTask",
                    String.class));
            if ((long) (page + 1) * size >= inbox.getLong("total")) {
                return found;
            }
        }
    }

    /** The CSV's rows by column name, read as any CSV reader would (quoting is the writer's choice). */
    private static List<Map<String, String>> csvRows(String csv) {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> csvRow(String studyKey, String subjectRef, String kind, String name,
                                              String value) {
        return Map.of("studyKey", studyKey, "subjectRef", subjectRef, "kind", kind, "name", name, "value", value);
    }

    private static Optional<Registered> registered(Person person) {
        return QuarkusTransaction.requiringNew().call(() -> SubjectRecord.<SubjectRecord>find(
                        "studyKey = ?1 and subjectRef = ?2", person.studyKey(), person.subjectRef())
                .firstResultOptional()
                .map(record -> new Registered(Set.copyOf(record.holdings), Map.copyOf(record.attributes),
                        record.restrictedBy, SubjectLookup.count("subjectId", record.id))));
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36) + NEXT.incrementAndGet();
    }
}
