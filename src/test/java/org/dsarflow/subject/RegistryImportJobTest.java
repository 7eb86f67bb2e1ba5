package org.dsarflow.subject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A registry import is a job: answered at once with Prefer: respond-async and polled to its end, recorded
 * for a synchronous one too, marked INTERRUPTED when its node stopped, FAILED when its file is refused, and
 * one at a time a study.
 */
@QuarkusTest
class RegistryImportJobTest {

    private static final String HEADER = "subjectRef,category,id.email,holdings\n";

    @Inject
    RegistryImports imports;

    @Inject
    EntityManager entityManager;

    @Test
    void aSynchronousImportAnswersItsReportAsBeforeAndIsRecorded() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        String csv = HEADER + "S-1,SOCIAL_WORKER,s1@example.org,survey\nS-2,SOCIAL_WORKER,s2@example.org,laptop\n";
        Response answer = admin().contentType("text/csv").body(csv).post("/api/studies/{key}/subjects", study);
        answer.then().statusCode(200).header("Preference-Applied", nullValue())
                .body("created", equalTo(1)).body("updated", equalTo(0))
                .body("rejected[0].line", equalTo(3)).body("rejected[0].reason", equalTo("UNKNOWN_HOLDING"))
                .body("rejected[0].problem", equalTo("names holding 'laptop', which study " + study + " does not have"));

        Map<String, Object> recorded = admin().get("/api/imports?study={key}", study).then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0]");
        assertThat(recorded).containsEntry("status", "COMPLETED").containsEntry("format", "CSV")
                .containsEntry("startedBy", "admin").containsEntry("lastCommittedLine", 3)
                .containsEntry("created", 1).containsEntry("rejected", 1).doesNotContainKey("rejectedLines");
        int id = (Integer) recorded.get("id");
        auditor().get("/api/imports/{id}", id).then().statusCode(200)
                .body("rejectedLines[0].line", equalTo(3)).body("rejectedLines[0].reason", equalTo("UNKNOWN_HOLDING"))
                .body("endedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(auditDetails("REGISTRY_IMPORTED", id)).hasSize(1);
        String stored = auditor().get("/api/imports/{id}", id).asString();
        assertThat(stored).as("no value of the file").doesNotContain("example.org", "laptop", "S-1", "S-2");
    }

    @Test
    void preferRespondAsyncAnswers202AndTheImportIsPolledToItsEnd() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        String csv = HEADER + IntStream.rangeClosed(1, 2500)
                .mapToObj(i -> "A-" + i + ",SOCIAL_WORKER,async-" + i + "@example.org," + (i == 1700 ? "laptop" : "drive"))
                .collect(Collectors.joining("\n", "", "\n"));
        Response accepted = admin().contentType("text/csv").header("Prefer", "wait=5, respond-async")
                .body(csv).post("/api/studies/{key}/subjects", study);
        accepted.then().statusCode(202).header("Preference-Applied", "respond-async")
                .body("studyKey", equalTo(study)).body("format", equalTo("CSV"));
        String location = accepted.header("Location");
        assertThat(location).matches(".*/api/imports/\\d+");

        Response done = pollToEnd(location);
        done.then().body("status", equalTo("COMPLETED")).body("lastCommittedLine", equalTo(2501))
                .body("created", equalTo(2499)).body("rejected", equalTo(1))
                .body("rejectedLines[0].line", equalTo(1701)).body("rejectedLines[0].reason", equalTo("UNKNOWN_HOLDING"));
        assertThat(auditDetails("REGISTRY_IMPORTED", done.path("id"))).hasSize(1);

        admin().contentType("text/csv").header("Prefer", "respond-async").body(csv)
                .post("/api/studies/{key}/subjects", study).then().statusCode(202);
        assertThat(admin().get("/api/imports?study={key}", study).<Integer>path("total")).isEqualTo(2);
    }

    @Test
    void anUnknownPreferenceIsIgnoredAndTheImportAnsweredAtOnce() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        admin().contentType("text/csv").header("Prefer", "return=minimal, respond-asynchronously")
                .body(HEADER + "P-1,SOCIAL_WORKER,p1@example.org,drive\n").post("/api/studies/{key}/subjects", study)
                .then().statusCode(200).header("Preference-Applied", nullValue()).body("created", equalTo(1));
    }

    @Test
    void anImportWhoseNodeStoppedIsMarkedInterruptedAtItsLastCommittedLine() {
        String dead = Studies.create("COLLECTION", "2024-01-01");
        String live = Studies.create("COLLECTION", "2024-01-01");
        Instant longAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
        long interrupted = runningJob(dead, "stopped-node", longAgo, 4001, 3990, 10);
        long stillRunning = runningJob(live, "live-node", Instant.now().truncatedTo(ChronoUnit.MICROS), 1001, 1000, 0);

        admin().contentType("text/csv").body(HEADER + "L-1,SOCIAL_WORKER,l1@example.org,drive\n")
                .post("/api/studies/{key}/subjects", live).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("IMPORT_RUNNING")).body("status", equalTo(409));
        admin().contentType("text/csv").header("Prefer", "respond-async")
                .body(HEADER + "L-1,SOCIAL_WORKER,l1@example.org,drive\n")
                .post("/api/studies/{key}/subjects", live).then().statusCode(409).body("code", equalTo("IMPORT_RUNNING"));

        imports.interruptStale();

        admin().get("/api/imports/{id}", interrupted).then().statusCode(200).body("status", equalTo("INTERRUPTED"))
                .body("lastCommittedLine", equalTo(4001)).body("created", equalTo(3990)).body("rejected", equalTo(10))
                .body("endedAt", org.hamcrest.Matchers.notNullValue());
        admin().get("/api/imports/{id}", stillRunning).then().body("status", equalTo("RUNNING"));
        assertThat(auditDetails("REGISTRY_IMPORT_INTERRUPTED", interrupted)).singleElement().asString()
                .contains("\"lastCommittedLine\":4001");

        admin().contentType("text/csv").body(HEADER + "D-1,SOCIAL_WORKER,d1@example.org,drive\n")
                .post("/api/studies/{key}/subjects", dead).then().statusCode(200).body("created", equalTo(1));
        QuarkusTransaction.requiringNew().run(() -> RegistryImport.<RegistryImport>findById(stillRunning)
                .interrupt(Instant.now()));
    }

    @Test
    void aFileRefusedWholeLeavesAFailedImport() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        admin().contentType("text/csv").body("subjectRef,category,email,holdings\nP-1,SOCIAL_WORKER,a@example.org,drive\n")
                .post("/api/studies/{key}/subjects", study).then().statusCode(400).body("field", equalTo("header"));
        Response async = admin().contentType("application/json").header("Prefer", "respond-async")
                .body("{\"subjectRef\":\"P-1\"}").post("/api/studies/{key}/subjects", study);
        async.then().statusCode(202);
        pollToEnd(async.header("Location")).then().body("status", equalTo("FAILED"))
                .body("failure", equalTo("INVALID_INPUT")).body("failureField", equalTo("body"))
                .body("lastCommittedLine", equalTo(0)).body("rejectedLines", empty());

        List<Map<String, Object>> items = admin().get("/api/imports?study={key}", study).path("items");
        assertThat(items).extracting(i -> i.get("status")).containsExactly("FAILED", "FAILED");
        assertThat(items).extracting(i -> i.get("failureField")).containsExactly("body", "header");
        assertThat(auditDetails("REGISTRY_IMPORT_FAILED", (Integer) items.get(1).get("id"))).singleElement().asString()
                .contains("INVALID_INPUT").doesNotContain("email");
        admin().contentType("text/csv").body(HEADER + "P-1,SOCIAL_WORKER,a@example.org,drive\n")
                .post("/api/studies/{key}/subjects", study).then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void theImportRecordsAnswerProblemsAndKeepToTheirRoles() {
        admin().get("/api/imports/{id}", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("type", equalTo("/problems/not-found"));
        admin().get("/api/imports/not-a-number").then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/imports?page=-1").then().statusCode(400).body("field", equalTo("page"));
        admin().get("/api/imports?size=100000").then().statusCode(400).body("field", equalTo("size"));
        admin().get("/api/imports/1?size=0").then().statusCode(400).body("field", equalTo("size"));
        admin().contentType("text/csv").header("Prefer", "respond-async").body(HEADER)
                .post("/api/studies/{key}/subjects", "no-such-study").then().statusCode(404)
                .contentType("application/problem+json");

        String study = Studies.create("COLLECTION", "2024-01-01");
        String csv = HEADER + "R-1,SOCIAL_WORKER,r1@example.org,drive\n";
        for (var caller : List.of(dpo(), auditor())) {
            caller.contentType("text/csv").header("Prefer", "respond-async").body(csv)
                    .post("/api/studies/{key}/subjects", study).then().statusCode(403)
                    .contentType("application/problem+json").body("status", equalTo(403));
        }
        anonymous().contentType("text/csv").header("Prefer", "respond-async").body(csv)
                .post("/api/studies/{key}/subjects", study).then().statusCode(401).contentType("application/problem+json");
        admin().contentType("text/csv").body(csv).post("/api/studies/{key}/subjects", study).then().statusCode(200);
        long imported = admin().get("/api/imports?study={key}", study).<Integer>path("items[0].id");
        for (String path : List.of("/api/imports/" + imported, "/api/imports?study=" + study)) {
            anonymous().get(path).then().statusCode(401).contentType("application/problem+json");
            dpo().get(path).then().statusCode(403).contentType("application/problem+json");
            auditor().get(path).then().statusCode(200);
            admin().get(path).then().statusCode(200);
        }
    }

    /** GET the import until it is no longer RUNNING, within a bound. */
    static Response pollToEnd(String location) {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (true) {
            Response answer = admin().get(location);
            answer.then().statusCode(200);
            if (!"RUNNING".equals(answer.path("status"))) {
                return answer;
            }
            assertThat(Instant.now()).as("the import ended in time").isBefore(giveUp);
        }
    }

    private long runningJob(String study, String node, Instant heartbeat, long line, long created, long rejected) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RegistryImport job = RegistryImport.start(study, RegistryFormat.CSV, "admin", node, heartbeat);
            job.persist();
            job.committed(line, created, 0, rejected, heartbeat);
            return job.id;
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> auditDetails(String action, Number importId) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) entityManager.createNativeQuery(
                        "SELECT detail FROM dsar_audit_event WHERE action = ?1").setParameter(1, action).getResultList())
                .stream().map(String::valueOf).filter(d -> d.contains("\"importId\":" + importId.longValue() + ","))
                .toList());
    }
}
