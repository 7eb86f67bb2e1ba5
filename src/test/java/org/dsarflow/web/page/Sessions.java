package org.dsarflow.web.page;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser's workbench session for REST Assured: logged in through the login form, with its cookies. */
final class Sessions {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies;
    private final String csrf;

    private Sessions(Map<String, String> cookies, String csrf) {
        this.cookies = cookies;
        this.csrf = csrf;
    }

    /** Logs in as the account of the test profile ("dpo" with "dpo-test"...). */
    static Sessions login(String account) {
        Response login = RestAssured.given().redirects().follow(false)
                .formParam("j_username", account).formParam("j_password", account + "-test")
                .post("/j_security_check");
        assertThat(login.statusCode()).as("login of %s", account).isEqualTo(302);
        Map<String, String> cookies = new java.util.HashMap<>(login.cookies());
        assertThat(cookies).containsKey("dsar-session");
        String home = RestAssured.given().redirects().follow(false).cookies(cookies).get("/").header("Location");
        Response page = RestAssured.given().redirects().follow(false).cookies(cookies).get(URI.create(home).getPath());
        cookies.putAll(page.cookies());
        return new Sessions(cookies, token(page.asString()));
    }

    static String token(String html) {
        Matcher matcher = TOKEN.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    /** A request of this session, from a page of the service (its Origin is the service's own). */
    RequestSpecification given() {
        return RestAssured.given().redirects().follow(false).cookies(cookies).header("Origin", origin());
    }

    /** A request of this session that says nowhere where it comes from. */
    RequestSpecification withoutOrigin() {
        return RestAssured.given().redirects().follow(false).cookies(cookies);
    }

    String csrf() {
        return csrf;
    }

    static String origin() {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }
}
