package org.dsarflow.web.page;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/**
 * The workbench's sign-in with the organisation's account: the OIDC authorization code flow against an identity
 * provider (a WireMock stand-in, whose user alice is in the admin group), roles from the same claim as the API's
 * bearer tokens, and the form login still working beside it.
 */
@QuarkusTest
@TestProfile(WorkbenchOidcLoginTest.OidcEnabled.class)
class WorkbenchOidcLoginTest {

    public static class OidcEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.workbench.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-web-app",
                    "quarkus.oidc.workbench.credentials.secret", "secret",
                    "quarkus.oidc.roles.role-claim-path", "groups");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Test
    void theLoginPageOffersBothWaysInAndAPageVisitWithoutASessionGoesThere() {
        RestAssured.given().get("/").then().statusCode(200)
                .body(containsString("action=\"/j_security_check\""))
                .body(containsString("href=\"/workbench/oidc/login\""))
                .body(containsString("Sign in with your organisation's account"));
        RestAssured.given().redirects().follow(false).get("/workbench/inbox")
                .then().statusCode(302).header("Location", endsWith("/"));
    }

    @Test
    void theCodeFlowSignsInWithTheRolesOfTheGroupsClaim() {
        Map<String, String> cookies = new HashMap<>();
        Response toProvider = RestAssured.given().redirects().follow(false).get(WorkbenchPaths.OIDC_LOGIN);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        URI authorize = URI.create(toProvider.header("Location"));
        assertThat(authorize.getPath()).startsWith("/auth/realms/quarkus");
        cookies.putAll(toProvider.cookies());
        Map<String, String> query = query(authorize.getRawQuery());
        String redirect = java.net.URLDecoder.decode(query.get("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(redirect).endsWith(WorkbenchPaths.OIDC_LOGIN);

        // The provider sends the browser back with a code, as its login page would.
        Response back = RestAssured.given().redirects().follow(false).cookies(cookies)
                .queryParam("state", query.get("state")).queryParam("code", "a-code")
                .get(URI.create(redirect).getPath());
        assertThat(back.statusCode()).isEqualTo(302);
        cookies.putAll(back.cookies());
        assertThat(cookies).containsKey(WorkbenchPaths.OIDC_SESSION_COOKIE);

        RestAssured.given().redirects().follow(false).cookies(cookies).get(WorkbenchPaths.OIDC_LOGIN)
                .then().statusCode(303).header("Location", endsWith("/workbench/studies"));
        RestAssured.given().redirects().follow(false).cookies(cookies).get("/workbench/studies")
                .then().statusCode(200).body(containsString("Sign out alice"));
        RestAssured.given().redirects().follow(false).cookies(cookies).get("/workbench/inbox")
                .then().statusCode(403);
        // A change made with the code flow's session cookie must come from this service's pages, as the form's.
        RestAssured.given().redirects().follow(false).cookies(cookies).header("Origin", "https://attacker.example")
                .contentType("application/json").body("{}").post("/api/studies")
                .then().statusCode(403).body("code", org.hamcrest.Matchers.equalTo("CROSS_SITE_REQUEST"));
    }

    @Test
    void theFormLoginStillWorksBesideIt() {
        Sessions.login("dpo").given().get("/workbench/inbox").then().statusCode(200);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return values;
    }
}
