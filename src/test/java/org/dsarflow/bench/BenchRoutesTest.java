package org.dsarflow.bench;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

/** Under the bench profile: one row inserted, one floor instance waiting in its user task, counters read. */
@QuarkusTest
@TestProfile(BenchRoutesTest.Bench.class)
class BenchRoutesTest {

    public static class Bench implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test," + BenchProfile.NAME;
        }
    }

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    @Inject
    RepositoryService repository;

    /** The test database outlives this profile's application: take the floor away for the other tests. */
    @AfterEach
    void undeployTheFloor() {
        repository.createDeploymentQuery().deploymentName("bench-floor").list()
                .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void theBaselinesRunAndTheCountersCount() {
        given().post("/bench/row").then().statusCode(204);
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("bench-floor").count();
        given().post("/bench/floor").then().statusCode(204);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("bench-floor").count()).isEqualTo(before + 1);
        assertThat(tasks.createTaskQuery().processDefinitionKey("bench-floor").taskDefinitionKey("waiting").count())
                .isEqualTo(before + 1);
        given().get("/bench/counters").then().statusCode(200)
                .body("transactions", greaterThan(0))
                .body("statements", anyOf(nullValue(), greaterThan(0)));
    }
}
