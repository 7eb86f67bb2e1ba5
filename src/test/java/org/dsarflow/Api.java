package org.dsarflow;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

/** REST Assured entry points for the built-in accounts of the test profile, and request fixtures. */
public final class Api {

    public static final String DPO_PASSWORD = "dpo-test";
    /** The demo study that {@link #requestBody} names. */
    public static final String DEMO_STUDY = "kitbags";

    /** The port of the application instance whose database was last seen to hold the demo studies. */
    private static int demoLoadedOn;

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String account) {
        return anonymous().auth().preemptive().basic(account, account + "-test");
    }

    public static RequestSpecification dpo() {
        return as("dpo");
    }

    public static RequestSpecification auditor() {
        return as("auditor");
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    /**
     * Loads the demo catalogue unless this application instance has it; one thread at a time, as tests log in
     * parallel. A test that counts what its requests write calls it first, so the loading is not counted.
     */
    public static synchronized void demoStudies() {
        if (demoLoadedOn != RestAssured.port) {
            if (dpo().get("/api/studies/{key}", DEMO_STUDY).statusCode() == 404) {
                admin().post("/api/demo-catalogue?subjectsPerStudy=20").then().statusCode(200);
            }
            demoLoadedOn = RestAssured.port;
        }
    }

    /**
     * A valid body for POST /api/requests, naming the demo study: a request may name only studies that exist,
     * so the demo catalogue is loaded first (once per application instance; loading again leaves it as it is).
     */
    public static Map<String, Object> requestBody(String type, String receivedAt) {
        demoStudies();
        return Map.of(
                "type", type,
                "receivedAt", receivedAt,
                "channel", "EMAIL",
                "requester", Map.of("name", "Alex Example", "email", "alex.example@example.org"),
                "identifiers", Map.of("email", "alex.example@example.org"),
                "studyKeys", java.util.List.of(DEMO_STUDY));
    }

    /** A valid body for POST /api/complaints, about {@code about} (a request reference) or nothing (null). */
    public static Map<String, Object> complaintBody(String receivedAt, String about) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "receivedAt", receivedAt,
                "channel", "EMAIL",
                "complainant", Map.of("name", "Casey Complainant", "email", "casey.complainant@example.org"),
                "summary", "My request was answered late and incompletely."));
        if (about != null) {
            body.put("about", about);
        }
        return body;
    }

    /** Logs a complaint as the DPO, received today, about nothing in particular, and answers its reference. */
    public static String logComplaint() {
        return dpo().body(complaintBody(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString(), null))
                .post("/api/complaints")
                .then().statusCode(201)
                .extract().path("reference");
    }

    /** Logs a request as the DPO and answers its reference. */
    public static String logRequest(String type, String receivedAt) {
        return dpo().body(requestBody(type, receivedAt))
                .post("/api/requests")
                .then().statusCode(201)
                .extract().path("reference");
    }

    public static void clockEvent(String reference, String kind, String on) {
        dpo().body(kind.equals("EXTENSION_NOTIFIED")
                        ? Map.of("kind", kind, "on", on, "reason", "Complex request across several studies")
                        : Map.of("kind", kind, "on", on))
                .post("/api/requests/{ref}/clock-events", reference)
                .then().statusCode(200);
    }
}
