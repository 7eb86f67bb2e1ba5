package org.dsarflow.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;

/** Through a real SMTP server: the response lists the sources searched, and a duplicate's requester is told. */
@QuarkusTest
@TestProfile(EmailDeliveryTest.RealSmtp.class)
class SearchesAndDuplicatesEmailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(EmailDeliveryTest.SMTP_PORT, "127.0.0.1", "smtp"));

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;

    @Test
    void theResponseToAnAccessRequestListsTheSourcesSearchedAndThoseJudgedDisproportionate() throws Exception {
        String study = Studies.create("COLLECTION", "2024-01-01");
        String reference = Studies.located(study, "ACCESS", "2026-02-10", "drive");
        record(reference, Map.of("holdingKey", "drive", "searchedOn", "2026-02-11", "identifierNames", List.of("email"),
                "reasonable", true));
        record(reference, Map.of("system", "Paper consent archive", "searchedOn", "2026-02-12",
                "identifierNames", List.of(), "reasonable", false,
                "reason", "Unindexed boxes; Dr Jones estimates three weeks of work"));
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);

        deliver(reference);

        String response = body("Our response to your request " + reference);
        assertThat(response).contains("Where we looked for your data",
                "Restricted shared drive: searched on 2026-02-11 by email",
                "Paper consent archive: not searched, as we judged a search there unreasonable or disproportionate",
                "Art 15(1A)").doesNotContain("Dr Jones");
    }

    @Test
    void aRequestClosedAsADuplicateTellsItsRequesterWhichRequestAnswersIt() throws Exception {
        String email = "twice." + System.nanoTime() + "@example.org";
        String original = log(email, "2026-06-01");
        String duplicate = log(email, "2026-06-04");
        deliver(duplicate);
        SMTP.reset();

        dpo().body(Map.of("reference", original)).post("/api/requests/{ref}/duplicate-of", duplicate).then()
                .statusCode(200);
        deliver(duplicate);

        List<MimeMessage> told = Arrays.stream(SMTP.getReceivedMessagesForDomain(email)).toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).getSubject())
                .isEqualTo("Your request " + duplicate + ": we are answering it with your earlier request");
        assertThat(GreenMailUtil.getBody(told.get(0))).contains(duplicate, original, "2026-06-04",
                "you do not need to do anything", "Information Commissioner");
    }

    private static void record(String reference, Map<String, Object> search) {
        dpo().body(new HashMap<>(search)).post("/api/requests/{ref}/searches", reference).then().statusCode(201);
    }

    private static String log(String email, String receivedOn) {
        return dpo().body(Map.of("type", "ACCESS", "receivedAt", receivedOn, "channel", "EMAIL",
                        "requester", Map.of("name", "Robin Requester", "email", email),
                        "identifiers", Map.of("email", email)))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
    }

    /** As EmailDeliveryTest: a connection pooled before GreenMail restarted may fail once, and is retried. */
    private void deliver(String reference) {
        for (int round = 0; round < 5 && Jobs.runEmails(runtime, management, reference) > 0; round++) {
            assertThat(Jobs.emails(runtime, management, reference)).isNotEmpty();
        }
        assertThat(Jobs.emails(runtime, management, reference)).isEmpty();
    }

    private static String body(String subject) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).equals(subject)).findFirst()
                .map(GreenMailUtil::getBody).orElseThrow(() -> new AssertionError("No email " + subject));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
