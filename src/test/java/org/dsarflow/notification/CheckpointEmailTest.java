package org.dsarflow.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.dsarflow.audit.SignedCheckpointTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.equalTo;

/** The day's audit checkpoint in the DPO mailbox (a real SMTP server, GreenMail): once a day, however many nodes. */
@QuarkusTest
@TestProfile(SignedCheckpointTest.Signed.class)
class CheckpointEmailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(SignedCheckpointTest.Signed.SMTP_PORT, "127.0.0.1", "smtp"));

    @Inject
    CheckpointMail mail;

    @Test
    void theDaysCheckpointGoesToTheDpoMailboxOnceWithWhatVerifiesIt() throws Exception {
        logRequest("ACCESS", "2025-03-10");
        LocalDate day = unsentDay();
        assertThat(mail.sendDaily(day)).isTrue();
        assertThat(mail.sendDaily(day)).isFalse();

        List<MimeMessage> sent = about(day);
        assertThat(sent).hasSize(1);
        MimeMessage message = sent.get(0);
        assertThat(message.getAllRecipients()).extracting(Object::toString)
                .containsExactly(SignedCheckpointTest.Signed.DPO_MAILBOX);
        Map<String, Object> entry = emailed(day);
        long seq = ((Number) entry.get("seq")).longValue();
        String hash = (String) entry.get("hash");
        assertThat(message.getSubject()).isEqualTo("Audit checkpoint of " + day + ": entry " + seq);
        String text = part(message, "text/plain");
        assertThat(text).contains("seq:  " + seq, "hash: " + hash, "signature (Ed25519, base64): ",
                "dsarflow-audit-checkpoint:" + seq + ":" + hash + ":",
                "GET /api/audit/verify?checkpoint=" + seq + ":" + hash, "Example Research Trust");
        assertThat(part(message, "text/html")).contains("<code>" + hash + "</code>",
                "GET /api/audit/verify?checkpoint=" + seq + ":" + hash);
        // The emailed checkpoint is one the log extends, and its sending is itself in the log.
        auditor().get("/api/audit/verify?checkpoint={c}", seq + ":" + hash).then().statusCode(200)
                .body("valid", equalTo(true));
        assertThat(entry).containsEntry("signed", true);
    }

    @Test
    void twoNodesSendingTheSameDayAtOnceSendOneEmail() throws Exception {
        LocalDate day = unsentDay();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> sends = new ArrayList<>();
        try {
            for (int node = 0; node < 2; node++) {
                sends.add(nodes.submit((Callable<Boolean>) () -> {
                    start.await();
                    return mail.sendDaily(day);
                }));
            }
            start.countDown();
            List<Boolean> sent = new ArrayList<>();
            for (Future<Boolean> send : sends) {
                sent.add(send.get(30, TimeUnit.SECONDS));
            }
            assertThat(sent).containsExactlyInAnyOrder(true, false);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(about(day)).hasSize(1);
        assertThat(emailed(day)).isNotNull();
    }

    /** A day whose checkpoint has not gone yet, also in a database kept from an earlier run (PostgreSQL). */
    private static LocalDate unsentDay() {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalDate day = LocalDate.of(2031, 1, 1);
            while (CheckpointEmail.sentOn(day)) {
                day = day.plusDays(1);
            }
            return day;
        });
    }

    private static List<MimeMessage> about(LocalDate day) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith("Audit checkpoint of " + day + ":");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The detail of the day's one CHECKPOINT_EMAILED entry. */
    private static Map<String, Object> emailed(LocalDate day) {
        List<Map<String, Object>> entries = auditor().get("/api/audit/events").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.action == 'CHECKPOINT_EMAILED' }.detail");
        List<Map<String, Object>> ofDay = entries.stream().filter(detail -> day.toString().equals(detail.get("day")))
                .toList();
        assertThat(ofDay).hasSize(1);
        return ofDay.get(0);
    }

    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
