package org.dsarflow.bench;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;

/** Outside the bench profile the bench's endpoints are not there, and neither is its process. */
@QuarkusTest
class BenchRoutesAbsentTest {

    @Inject
    RepositoryService repository;

    @Test
    void theBenchEndpointsAreNotServed() {
        assertThat(BenchProfile.active()).isFalse();
        for (String path : new String[] {"/bench/row", "/bench/floor"}) {
            given().post(path).then().statusCode(404);
            dpo().post(path).then().statusCode(404);
        }
        given().get("/bench/counters").then().statusCode(404);
        dpo().get("/bench/counters").then().statusCode(404);
    }

    @Test
    void theFloorProcessIsNotDeployed() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("bench-floor").count()).isZero();
    }
}
