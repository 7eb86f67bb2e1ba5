package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Failed HTTP Basic logins are throttled per account: a 429 problem with Retry-After, audited by name only. */
@QuarkusTest
@TestProfile(LoginThrottlingTest.ThreeFailures.class)
class LoginThrottlingTest {

    public static class ThreeFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsar.login.failures", "3");
        }
    }

    @Test
    void anAccountIsThrottledAfterItsFailuresAndOthersAreNot() {
        for (int i = 0; i < 3; i++) {
            anonymous().auth().preemptive().basic("admin", "guess-" + i).get("/api/studies").then().statusCode(401);
        }
        String retryAfter = admin().get("/api/studies").then().statusCode(429)
                .contentType(ProblemMapper.PROBLEM_JSON)
                .body("type", equalTo("/problems/too-many-requests"))
                .body("code", equalTo("LOGIN_THROTTLED"))
                .header("Retry-After", not(nullValue()))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 300L);
        long later = Long.parseLong(admin().get("/api/studies").then().statusCode(429).extract().header("Retry-After"));
        assertThat(later).as("the wait grows with every try").isGreaterThanOrEqualTo(Long.parseLong(retryAfter));

        dpo().get("/api/requests").then().statusCode(200);
        auditor().get("/api/audit/events").then().statusCode(200);

        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        List<Map<String, Object>> throttled;
        do {
            throttled = auditor().get("/api/audit/events").then().statusCode(200).extract().<List<Map<String, Object>>>path("")
                    .stream().filter(e -> "LOGIN_THROTTLED".equals(e.get("action"))).toList();
        } while (throttled.isEmpty() && Instant.now().isBefore(giveUp));
        assertThat(throttled).hasSize(1);
        assertThat(String.valueOf(throttled.get(0).get("detail"))).contains("admin").doesNotContain("127.0.0.1")
                .doesNotContain("guess");
    }
}
