package org.dsarflow.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.as;
import static org.dsarflow.Api.logRequest;

/**
 * Who may call what (PRODUCT.md §7): every endpoint, with no credentials and as each role. A call
 * that is allowed gets its ordinary answer, so the table also says what that answer is.
 */
@QuarkusTest
class AuthorizationTest {

    static final String REQUEST = """
            {"type":"ACCESS","receivedAt":"2025-03-10","channel":"POST",
             "requester":{"name":"Pat Example","postalAddress":"1 High Street"}}""";

    record Call(String name, BiFunction<RequestSpecification, String, io.restassured.response.Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> matrix() {
        Call log = new Call("POST /api/requests", (s, ref) -> s.body(REQUEST).post("/api/requests"));
        Call list = new Call("GET /api/requests", (s, ref) -> s.get("/api/requests"));
        Call view = new Call("GET /api/requests/{ref}", (s, ref) -> s.get("/api/requests/{ref}", ref));
        Call clock = new Call("POST clock-events", (s, ref) -> s.body("{\"kind\":\"IDENTITY_REQUESTED\",\"on\":\"2025-03-11\"}")
                .post("/api/requests/{ref}/clock-events", ref));
        Call cancel = new Call("POST cancel", (s, ref) -> s.body("{\"reason\":\"Withdrawn\"}")
                .post("/api/requests/{ref}/cancel", ref));
        Call holidays = new Call("GET /api/calendar/holidays", (s, ref) -> s.get("/api/calendar/holidays"));
        Call replaceHolidays = new Call("PUT /api/calendar/holidays", (s, ref) -> s
                .body(anonymous().get("/api/calendar/holidays").asString()).put("/api/calendar/holidays"));
        Call deadline = new Call("GET /api/calendar/deadline", (s, ref) -> s.get("/api/calendar/deadline?receivedOn=2025-01-01"));
        Call health = new Call("GET /q/health", (s, ref) -> s.get("/q/health"));
        //                         call             none  dpo  auditor admin
        return Stream.of(
                row(log,             401, 201, 403, 403),
                row(list,            401, 200, 200, 403),
                row(view,            401, 200, 200, 403),
                row(clock,           401, 200, 403, 403),
                row(cancel,          401, 200, 403, 403),
                row(holidays,        200, 200, 200, 200),
                row(replaceHolidays, 401, 403, 403, 200),
                row(deadline,        401, 200, 200, 200),
                row(health,          200, 200, 200, 200))
                .flatMap(row -> row);
    }

    private static Stream<Arguments> row(Call call, int none, int dpo, int auditor, int admin) {
        return Stream.of(
                Arguments.of(call, "none", none),
                Arguments.of(call, "dpo", dpo),
                Arguments.of(call, "auditor", auditor),
                Arguments.of(call, "admin", admin));
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void access(Call call, String account, int expected) {
        String reference = logRequest("ACCESS", "2025-03-10");
        RequestSpecification caller = account.equals("none") ? anonymous() : as(account);
        call.send().apply(caller, reference).then().statusCode(expected);
    }

    @ParameterizedTest(name = "wrong password for {0} -> 401")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dpo", "auditor", "admin", "root"})
    void wrongPassword(String account) {
        anonymous().auth().preemptive().basic(account, "guess").get("/api/requests").then().statusCode(401);
    }
}
