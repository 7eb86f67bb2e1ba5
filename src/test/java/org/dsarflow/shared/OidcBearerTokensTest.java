package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.dsarflow.Api.dpo;

/**
 * The production authentication option: OIDC bearer tokens from an identity provider (a WireMock stand-in
 * here), roles read from the token's groups claim, HTTP Basic still working beside them.
 */
@QuarkusTest
@TestProfile(OidcBearerTokensTest.OidcEnabled.class)
class OidcBearerTokensTest {

    public static class OidcEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-service-app",
                    "quarkus.oidc.roles.role-claim-path", "groups");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Test
    void aTokenCarriesItsRolesFromTheGroupsClaim() {
        bearer("dana", "dpo").get("/api/tasks").then().statusCode(200);
        bearer("dana", "dpo").get("/api/audit/verify").then().statusCode(403);
        bearer("avery", "auditor").get("/api/audit/verify").then().statusCode(200);
        bearer("avery", "auditor").get("/api/tasks").then().statusCode(403);
        bearer("ash", "admin").get("/api/studies").then().statusCode(200);
        bearer("nobody", "researcher").get("/api/requests").then().statusCode(403);
    }

    @Test
    void anInvalidTokenIsRefusedAndBasicStillWorks() {
        RestAssured.given().auth().oauth2("not-a-token").get("/api/tasks").then().statusCode(401);
        RestAssured.given().get("/api/tasks").then().statusCode(401);
        dpo().get("/api/tasks").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification bearer(String user, String group) {
        return RestAssured.given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(group)));
    }
}
