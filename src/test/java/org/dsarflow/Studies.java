package org.dsarflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;

/** Test studies with a small registry, each with a key of its own so tests do not see each other's people. */
public final class Studies {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Studies() {
    }

    /** A study locating people by email, or by first initial + surname prefix + local authority. */
    public static String create(String phase, String phaseSince) {
        return register("study-", phase, phaseSince,
                List.of(List.of("email"), List.of("firstInitial", "surnamePrefix", "localAuthority")),
                "Public task", List.of("Transcription vendor"), List.of(
                        holding("survey", "Online survey platform", "EXTERNAL", "IDENTIFIED", "PRIMARY"),
                        holding("drive", "Restricted shared drive", "INTERNAL", "IDENTIFIED", "PRIMARY"),
                        holding("archive", "Secure research archive", "EXTERNAL", "ANONYMISED", "PRIMARY")));
    }

    /**
     * A study with two external custodians (survey platform, transcription vendor), an internal drive and
     * an anonymised archive, whose purposes rely on consent; recipients are told of erasures (Art. 19).
     */
    public static String createWithCustodians(String phase, String phaseSince) {
        return register("custodians-", phase, phaseSince, List.of(List.of("email")), "Consent",
                List.of("Survey platform provider", "Transcription vendor"), List.of(
                        holding("survey", "Online survey platform", "EXTERNAL", "IDENTIFIED", "PRIMARY"),
                        holding("transcription", "Transcription vendor", "EXTERNAL", "IDENTIFIED", "PRIMARY"),
                        holding("drive", "Restricted shared drive", "INTERNAL", "IDENTIFIED", "PRIMARY"),
                        holding("archive", "Secure research archive", "EXTERNAL", "ANONYMISED", "PRIMARY")));
    }

    /**
     * A study whose interview recordings (internal) are liable to contain other people's information, beside a
     * restricted drive: an access request's copy of the interviews waits for the DPO's redaction step.
     */
    public static String createWithInterviews(String phase, String phaseSince) {
        Map<String, Object> interviews = new java.util.HashMap<>(holding("interviews", "Interview recordings",
                "INTERNAL", "IDENTIFIED", "PRIMARY"));
        interviews.put("othersInformation", true);
        return register("interviews-", phase, phaseSince, List.of(List.of("email")), "Public task", List.of(), List.of(
                holding("drive", "Restricted shared drive", "INTERNAL", "IDENTIFIED", "PRIMARY"), interviews));
    }

    private static String register(String prefix, String phase, String phaseSince, List<List<String>> schemes,
                                   String basis, List<String> recipients, List<Map<String, Object>> holdings) {
        String key = prefix + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
        admin().body(Map.of(
                        "key", key,
                        "name", "Test study " + key,
                        "contactMailbox", "research@example.org",
                        "phase", phase,
                        "phaseSince", phaseSince,
                        "identifierSchemes", schemes,
                        "lawfulBases", List.of(Map.of("purpose", "Evaluate the programme", "basis", basis)),
                        "recipients", recipients,
                        "categories", List.of("SOCIAL_WORKER"),
                        "holdings", holdings))
                .post("/api/studies").then().statusCode(201);
        return key;
    }

    public static Map<String, Object> holding(String key, String location, String custody, String identifiability,
                                              String source) {
        return Map.of("key", key, "location", location, "custody", custody, "identifiability", identifiability,
                "source", source, "retention", "12 months after final collection", "retentionPeriod", "P12M");
    }

    public static Map<String, Object> subject(String subjectRef, Map<String, String> identifiers, String... holdings) {
        return Map.of("subjectRef", subjectRef, "category", "SOCIAL_WORKER", "identifiers", identifiers,
                "holdings", List.of(holdings), "attributes", Map.of("stressScore", "4"));
    }

    public static void importSubjects(String studyKey, List<Map<String, Object>> subjects) {
        admin().body(subjects).post("/api/studies/{key}/subjects", studyKey).then().statusCode(200)
                .body("rejected", org.hamcrest.Matchers.empty());
    }

    /**
     * Imports a person held in {@code holdings} of {@code studyKey} (a subject of their own, so one study
     * serves several requests) and logs a request of {@code type} from them; it waits for the DPO's review.
     */
    public static String located(String studyKey, String type, String receivedAt, String... holdings) {
        String email = "p" + System.nanoTime() + "-" + NEXT.incrementAndGet() + "@example.org";
        importSubjects(studyKey, List.of(subject("P-" + NEXT.incrementAndGet(), Map.of("email", email), holdings)));
        return dpo().body(requestFor(studyKey, type, receivedAt, Map.of("email", email)))
                .post("/api/requests").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("AWAITING_REVIEW"))
                .extract().path("reference");
    }

    /** A request body naming the study and identifying the person by the identifiers given. */
    public static Map<String, Object> requestFor(String studyKey, String type, String receivedAt,
                                                 Map<String, String> identifiers) {
        return Map.of(
                "type", type,
                "receivedAt", receivedAt,
                "channel", "EMAIL",
                "requester", Map.of("name", "Alex Example", "email", "alex.example@example.org"),
                "identifiers", identifiers,
                "studyKeys", List.of(studyKey));
    }
}
