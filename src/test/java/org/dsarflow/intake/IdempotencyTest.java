package org.dsarflow.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.RuntimeService;
import org.dsarflow.process.DsarProcess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.requestBody;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IdempotencyTest {

    @Inject
    RuntimeService runtime;

    @Test
    void twentyConcurrentRetriesCreateOneRequestAndOneProcess() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = requestBody("ERASURE", "2025-09-15");
        Callable<Response> post = () -> dpo().header("Idempotency-Key", key).body(body).post("/api/requests");
        List<Response> responses;
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> futures = pool.invokeAll(IntStream.range(0, 20).mapToObj(i -> post).toList());
            responses = futures.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdown();
        }

        assertThat(responses).extracting(Response::statusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        List<String> references = responses.stream().map(r -> r.<String>path("reference")).distinct().toList();
        assertThat(references).hasSize(1);
        String reference = references.get(0);
        assertThat(responses).extracting(r -> r.header("Location")).allMatch(l -> l.endsWith("/api/requests/" + reference));
        assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey(DsarProcess.KEY).processInstanceBusinessKey(reference).count()).isEqualTo(1);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> DsarRequest.count("idempotencyKey", key))).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheFirstAnswerReturnsTheSameRequest() {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> body = requestBody("ACCESS", "2025-03-10");
        String reference = dpo().header("Idempotency-Key", key).body(body).post("/api/requests")
                .then().statusCode(201).extract().path("reference");
        dpo().header("Idempotency-Key", key).body(body).post("/api/requests")
                .then().statusCode(200)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/requests/" + reference))
                .body("reference", equalTo(reference));
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        String key = "retry-" + UUID.randomUUID();
        dpo().header("Idempotency-Key", key).body(requestBody("ACCESS", "2025-03-10")).post("/api/requests")
                .then().statusCode(201);
        dpo().header("Idempotency-Key", key).body(requestBody("ERASURE", "2025-03-10")).post("/api/requests")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void withoutAKeyEveryPostIsANewRequest() {
        Map<String, Object> body = requestBody("ACCESS", "2025-03-10");
        String first = dpo().body(body).post("/api/requests").then().statusCode(201).extract().path("reference");
        String second = dpo().body(body).post("/api/requests").then().statusCode(201).extract().path("reference");
        assertThat(first).isNotEqualTo(second);
    }
}
