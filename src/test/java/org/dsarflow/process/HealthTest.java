package org.dsarflow.process;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Readiness holds the database, the engine and its job executor; the mail server is information only.
 * The test profile switches the job executor off, which readiness reports without going DOWN.
 */
@QuarkusTest
class HealthTest {

    private static final String ENGINE = "checks.find { it.name == 'Process engine' }";

    @Inject
    ProcessEngine engine;

    @Test
    void readinessHoldsTheDatabaseTheEngineAndItsJobExecutor() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body(ENGINE + ".status", equalTo("UP"))
                .body(ENGINE + ".data.engine", equalTo("answers"))
                .body(ENGINE + ".data.jobExecutor", equalTo("disabled by configuration"));
        RestAssured.given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItem("Process engine")));
    }

    @Test
    void aJobExecutorThatShouldRunAndDoesNotTakesTheServiceOutOfRotation() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.setJobExecutorActivate(true);
        try {
            RestAssured.given().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body(ENGINE + ".status", equalTo("DOWN"))
                    .body(ENGINE + ".data.jobExecutor", equalTo("not running"));
            RestAssured.given().get("/q/health/live").then().statusCode(200);
        } finally {
            configuration.setJobExecutorActivate(false);
        }
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theMailCheckIsInformationOnly() {
        RestAssured.given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Mail server' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Mail server' }.data.mailer",
                        equalTo("mock: emails are logged, not sent"));
        RestAssured.given().get("/q/health/ready").then().body("checks.name", not(hasItem("Mail server")));
    }
}
