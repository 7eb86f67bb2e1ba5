package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.dsarflow.Api.requestBody;

/**
 * Races a client can start: the calls of each race are released at once from a fixed pool and awaited a
 * bounded time. The losers get a 409 problem with a code (or the replayed result), never a 5xx, and what
 * is stored afterwards is one whole outcome.
 */
@QuarkusTest
class RacesTest {

    private static final int THREADS = 8;
    private static final long AWAIT_SECONDS = 60;

    @Test
    void concurrentClockEventsOnOneRequest() throws Exception {
        for (int round = 0; round < 3; round++) {
            String reference = logRequest("ACCESS", "2025-03-10");
            List<Response> answers = race(THREADS, i -> () -> dpo()
                    .body("{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"2025-03-11\"}")
                    .post("/api/requests/{ref}/clock-events", reference));
            assertNoServerError(answers);
            assertThat(answers).filteredOn(r -> r.statusCode() == 200).isNotEmpty();
            dpo().get("/api/requests/{ref}", reference).then().statusCode(200);
        }
    }

    @Test
    void aReviewRacingACancel() throws Exception {
        String study = Studies.create("COLLECTION", "2024-01-01");
        for (int round = 0; round < 4; round++) {
            String reference = Studies.located(study, "ACCESS", "2024-02-01", "drive");
            List<Response> answers = race(2, i -> i == 0
                    ? () -> dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", reference)
                    : () -> dpo().body("{\"reason\":\"Requester withdrew\"}").post("/api/requests/{ref}/cancel", reference));
            assertNoServerError(answers);
            assertThat(answers).filteredOn(r -> r.statusCode() == 200).isNotEmpty();
            String status = dpo().get("/api/requests/{ref}", reference).then().statusCode(200).extract().path("status");
            if (answers.get(1).statusCode() == 200) {
                assertThat(status).isEqualTo("CANCELLED");
            } else {
                assertThat(status).as("reviewed, and not cancelled").isNotIn("CANCELLED", "AWAITING_REVIEW");
            }
        }
    }

    @Test
    void overlappingRegistryImportsIntoOneStudy() throws Exception {
        String study = Studies.create("COLLECTION", "2024-01-01");
        List<Map<String, Object>> subjects = IntStream.range(0, 50)
                .mapToObj(i -> Studies.subject("R-" + i, Map.of("email", "race-" + i + "@example.org"), "drive"))
                .toList();
        List<Response> answers = race(4, i -> () -> admin().body(subjects).post("/api/studies/{key}/subjects", study));
        assertNoServerError(answers);
        int created = 0;
        for (Response answer : answers) {
            if (answer.statusCode() == 200) {
                created += answer.<Integer>path("created");
            }
        }
        assertThat(created).as("each subject created once, by whichever import got there first").isLessThanOrEqualTo(50);
        admin().body(subjects).post("/api/studies/{key}/subjects", study).then().statusCode(200)
                .body("created", org.hamcrest.Matchers.equalTo(0)).body("updated", org.hamcrest.Matchers.equalTo(50));
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKey() throws Exception {
        for (int round = 0; round < 3; round++) {
            String key = "race-" + UUID.randomUUID();
            Map<String, Object> body = requestBody("ACCESS", "2025-03-10");
            List<Response> answers = race(THREADS, i -> () -> dpo().header("Idempotency-Key", key).body(body)
                    .post("/api/requests"));
            assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201);
            assertThat(answers).extracting(r -> r.<String>path("reference")).containsOnly(answers.get(0).<String>path("reference"));
        }
    }

    @Test
    void twoStudiesRegisteredUnderOneKeyAtOnce() throws Exception {
        String key = "race-study-" + System.nanoTime();
        String body = """
                {"key":"%s","name":"Race study","phase":"COLLECTION","phaseSince":"2024-01-01",
                 "identifierSchemes":[["email"]],"holdings":[{"key":"drive","location":"Shared drive",
                 "custody":"INTERNAL","identifiability":"IDENTIFIED","source":"PRIMARY"}]}""".formatted(key);
        List<Response> answers = race(4, i -> () -> admin().body(body).post("/api/studies"));
        assertNoServerError(answers);
        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() != 201).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.<String>path("code")).isNotBlank();
        });
    }

    interface Contender {
        Callable<Response> call(int index);
    }

    /** Releases {@code threads} calls at once and waits for all of them, a bounded time. */
    static List<Response> race(int threads, Contender contender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Response> call = contender.call(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
                    return call.call();
                }));
            }
            assertThat(ready.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(AWAIT_SECONDS, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertNoServerError(List<Response> answers) {
        for (Response answer : answers) {
            assertThat(answer.statusCode()).as(answer.asString()).isLessThan(500);
            if (answer.statusCode() == 409) {
                assertThat(answer.contentType()).startsWith(ProblemMapper.PROBLEM_JSON);
                assertThat(answer.<String>path("code")).isNotBlank();
            }
        }
    }
}
