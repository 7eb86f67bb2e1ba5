package org.dsarflow.process;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.dsarflow.Api;
import org.dsarflow.Jobs;
import org.dsarflow.Studies;
import org.dsarflow.complaint.ComplaintEmail;
import org.dsarflow.complaint.ComplaintStatus;
import org.dsarflow.intake.Channel;
import org.dsarflow.intake.RequestStatus;
import org.dsarflow.intake.RequestType;
import org.dsarflow.notification.EmailTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;

/**
 * /q/metrics, read without login like health, after some activity: the dsar_* meters, their label
 * values (enum names only, never personal data) and what they count.
 */
@QuarkusTest
class MetricsTest {

    private static final Pattern SERIES = Pattern.compile("^(dsar_\\w+)(?:\\{([^}]*)})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Duration GAUGES_SETTLE = Duration.ofSeconds(10);
    private static final Duration GAUGES_POLL = Duration.ofMillis(100);

    @Inject
    RuntimeService runtime;
    @Inject
    ManagementService management;

    @Test
    void requestsLoggedAreCountedByTypeAndChannelAndTheOpenOnesGaugedByStatus() throws InterruptedException {
        String objectionInPerson = "dsar_requests_logged_total{channel=\"IN_PERSON\",type=\"OBJECTION\"}";
        double before = scrape().get(objectionInPerson);
        log("OBJECTION", "IN_PERSON", recently());
        log("OBJECTION", "IN_PERSON", recently());
        assertThat(scrape().get(objectionInPerson)).isEqualTo(before + 2);

        for (RequestStatus status : RequestStatus.values()) {
            String series = "dsar_requests_open{status=\"" + status + "\"}";
            if (status.isClosed()) {
                assertThat(scrape()).doesNotContainKey(series);
            } else {
                long listed = total("/api/requests?status=" + status);
                assertThat(settled(() -> scrape().get(series), value -> value == listed)).as(series).isEqualTo(listed);
            }
        }
    }

    @Test
    void overdueAndDueSoonRequestsAreGauged() throws InterruptedException {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        double dueSoonBefore = scrape().get("dsar_requests_due_soon");
        // Received a month ago less a day: due within the next few working days.
        log("ACCESS", "EMAIL", today.minusMonths(1).plusDays(1).toString());
        log("ACCESS", "EMAIL", today.minusMonths(3).toString());

        long overdue = total("/api/requests?overdue=true");
        assertThat(overdue).isPositive();
        assertThat(settled(() -> scrape().get("dsar_requests_overdue"), value -> value == overdue))
                .isEqualTo(overdue);
        assertThat(settled(() -> scrape().get("dsar_requests_due_soon"), value -> value > dueSoonBefore))
                .isEqualTo(dueSoonBefore + 1);
    }

    @Test
    void emailsSentAreCountedByTemplateAndTheEnginesBacklogAndIncidentsGauged() {
        String acknowledgements = "dsar_emails_sent_total{template=\"ACKNOWLEDGEMENT\"}";
        String dpoNotices = "dsar_emails_sent_total{template=\"DPO_NEW_REQUEST\"}";
        Map<String, Double> before = scrape();
        String reference = log("ERASURE", "EMAIL", recently());

        // One step sends the acknowledgement and the DPO mailbox's notice.
        List<Job> pending = Jobs.emails(runtime, management, reference);
        assertThat(pending).hasSize(1);
        assertThat(scrape().get("dsar_job_executor_backlog"))
                .isEqualTo((double) management.createJobQuery().executable().active().count())
                .isGreaterThanOrEqualTo(1);

        management.setJobRetries(pending.get(0).getId(), 0);
        assertThat(scrape().get("dsar_incidents_open"))
                .isEqualTo((double) runtime.createIncidentQuery().count())
                .isGreaterThanOrEqualTo(1);
        management.setJobRetries(pending.get(0).getId(), 1);
        assertThat(Jobs.runEmails(runtime, management, reference)).isZero();

        Map<String, Double> after = scrape();
        assertThat(after.get(acknowledgements)).isEqualTo(before.get(acknowledgements) + 1);
        assertThat(after.get(dpoNotices)).isEqualTo(before.get(dpoNotices) + 1);
        for (EmailTemplate template : EmailTemplate.values()) {
            assertThat(after).containsKeys("dsar_emails_sent_total{template=\"" + template + "\"}",
                    "dsar_emails_failed_total{template=\"" + template + "\"}");
        }
    }

    @Test
    void registryRowsAreCountedByOutcome() {
        Map<String, Double> before = scrape();
        String study = Studies.create("COLLECTION", "2024-01-01");
        List<Map<String, Object>> rows = List.of(
                Studies.subject("M-1", Map.of("email", "m1.metrics@example.org"), "drive"),
                Studies.subject("M-2", Map.of("email", "m2.metrics@example.org"), "drive"),
                Studies.subject("M-3", Map.of("email", "m3.metrics@example.org"), "nowhere"));
        admin().body(rows).post("/api/studies/{key}/subjects", study).then().statusCode(200);
        admin().body(rows.subList(0, 1)).post("/api/studies/{key}/subjects", study).then().statusCode(200);

        Map<String, Double> after = scrape();
        assertThat(after.get(rows("created")) - before.get(rows("created"))).isEqualTo(2);
        assertThat(after.get(rows("updated")) - before.get(rows("updated"))).isEqualTo(1);
        assertThat(after.get(rows("rejected")) - before.get(rows("rejected"))).isEqualTo(1);
    }

    /** Every dsar_* label is a type, channel, status, template or outcome, and its value one of their names. */
    @Test
    void labelValuesAreNamesOfKindsNeverPersonalData() {
        log("PORTABILITY", "WEB_FORM", recently());
        Map<String, Set<String>> allowed = Map.of(
                "type", names(RequestType.values()),
                "channel", names(Channel.values()),
                "status", union(names(RequestStatus.values()), names(ComplaintStatus.values())),
                // The daily audit checkpoint email counts under its own template name.
                "template", union(union(names(EmailTemplate.values()), names(ComplaintEmail.values())),
                        Set.of("AUDIT_CHECKPOINT")),
                "outcome", Set.of("created", "updated", "rejected"));
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher series = SERIES.matcher(text);
        int seen = 0;
        while (series.find()) {
            seen++;
            Matcher label = LABEL.matcher(series.group(2) == null ? "" : series.group(2));
            while (label.find()) {
                assertThat(allowed).as("label of %s", series.group(0)).containsKey(label.group(1));
                assertThat(allowed.get(label.group(1))).as("value in %s", series.group(0)).contains(label.group(2));
            }
        }
        assertThat(seen).as("dsar_* series").isGreaterThan(60);
        assertThat(text).contains("dsar_requests_logged_total", "dsar_requests_open", "dsar_requests_overdue",
                "dsar_requests_due_soon", "dsar_emails_sent_total", "dsar_emails_failed_total", "dsar_incidents_open",
                "dsar_job_executor_backlog", "dsar_registry_import_rows_total", "dsar_complaints_logged_total",
                "dsar_complaints_open", "dsar_complaints_acknowledgement_overdue");
    }

    @Test
    void complaintsOpenAndThoseNotAcknowledgedInTimeAreGauged() throws InterruptedException {
        String received = "dsar_complaints_open{status=\"RECEIVED\"}";
        String overdue = "dsar_complaints_acknowledgement_overdue";
        String logged = "dsar_complaints_logged_total{channel=\"EMAIL\"}";
        Map<String, Double> before = scrape();

        // Received 31 days ago and not acknowledged (no job runs here): its 30 days are over.
        dpo().body(Api.complaintBody(LocalDate.now(ZoneId.of("Europe/London")).minusDays(31).toString(), null))
                .post("/api/complaints").then().statusCode(201);

        assertThat(settled(() -> scrape().get(received), value -> value == before.get(received) + 1))
                .isEqualTo(before.get(received) + 1);
        assertThat(settled(() -> scrape().get(overdue), value -> value == before.get(overdue) + 1))
                .isEqualTo(before.get(overdue) + 1);
        assertThat(scrape().get(logged)).isEqualTo(before.get(logged) + 1);
    }

    private static Set<String> union(Set<String> some, Set<String> more) {
        Set<String> all = new java.util.TreeSet<>(some);
        all.addAll(more);
        return all;
    }

    private static String rows(String outcome) {
        return "dsar_registry_import_rows_total{outcome=\"" + outcome + "\"}";
    }

    /** Each dsar_* series by its name and labels as printed, anonymously, as Prometheus reads it. */
    private static Map<String, Double> scrape() {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> values = new HashMap<>();
        Matcher series = SERIES.matcher(text);
        while (series.find()) {
            values.put(series.group(1) + (series.group(2) == null ? "" : "{" + series.group(2) + "}"),
                    Double.parseDouble(series.group(3)));
        }
        return values;
    }

    /** A gauge read from the database is up to a couple of seconds old: read it until it shows what is expected. */
    private static double settled(Supplier<Double> gauge, Predicate<Double> expected) throws InterruptedException {
        Instant giveUp = Instant.now().plus(GAUGES_SETTLE);
        double value = gauge.get();
        while (!expected.test(value) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(GAUGES_POLL.toMillis());
            value = gauge.get();
        }
        return value;
    }

    /**
     * A receipt date a few days ago: such a request sorts after the older ones other tests look for in the
     * first page of the inbox.
     */
    private static String recently() {
        return LocalDate.now(ZoneId.of("Europe/London")).minusDays(3).toString();
    }

    private static long total(String path) {
        return ((Number) dpo().get(path).then().statusCode(200).extract().path("total")).longValue();
    }

    private static String log(String type, String channel, String receivedAt) {
        return dpo().body(Map.of("type", type, "receivedAt", receivedAt, "channel", channel,
                        "requester", Map.of("name", "Metric Example", "email", "metric.example@example.org")))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }
}
