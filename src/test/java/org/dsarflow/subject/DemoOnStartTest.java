package org.dsarflow.subject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.hasItems;

/** Dev mode loads the demo catalogue as it starts: the same settings, in a test. */
@QuarkusTest
@TestProfile(DemoOnStartTest.LoadDemoOnStart.class)
class DemoOnStartTest {

    public static class LoadDemoOnStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dsar.demo.load-on-start", "true", "dsar.demo.subjects-per-study", "5");
        }
    }

    @Test
    void theStudiesOfTheNoticesAreThere() {
        dpo().get("/api/studies").then().statusCode(200)
                .body("key", hasItems("kitbags", "polling", "health-check", "diversity", "mod-next-generation"));
    }
}
