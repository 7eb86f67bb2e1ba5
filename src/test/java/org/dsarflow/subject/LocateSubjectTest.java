package org.dsarflow.subject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The locateSubject step through the API: every outcome, every identifier scheme of the notices. */
@QuarkusTest
class LocateSubjectTest {

    /** A study with every scheme the privacy notices use, and three people. */
    static String study() {
        String key = "locate-" + System.nanoTime();
        admin().body(Map.of(
                        "key", key, "name", "Locating study", "phase", "COLLECTION", "phaseSince", "2024-01-01",
                        "identifierSchemes", List.of(List.of("email"), List.of("firstInitial", "surnamePrefix", "localAuthority"),
                                List.of("pseudonymId"), List.of("socialWorkerNumber"),
                                List.of("dateOfBirth", "firstInitial", "surnamePrefix")),
                        "holdings", List.of(Studies.holding("survey", "Survey", "EXTERNAL", "IDENTIFIED", "PRIMARY"))))
                .post("/api/studies").then().statusCode(201);
        Studies.importSubjects(key, List.of(
                Studies.subject("P-1", Map.of("email", "sam.jones@example.org", "firstInitial", "S", "surnamePrefix", "Jo",
                        "localAuthority", "London Borough of Bexley", "socialWorkerNumber", "SW123456",
                        "dateOfBirth", "1990-04-03"), "survey"),
                Studies.subject("P-2", Map.of("email", "sara.jolly@example.org", "firstInitial", "S", "surnamePrefix", "Jo",
                        "localAuthority", "Bexley", "dateOfBirth", "1985-11-20"), "survey"),
                Studies.subject("P-3", Map.of("pseudonymId", "MOD-77-XK"), "survey")));
        return key;
    }

    static Stream<Arguments> schemes() {
        return Stream.of(
                Arguments.of("email, other case", Map.of("email", "  Sam.Jones@EXAMPLE.org "), "P-1"),
                Arguments.of("initials and local authority wording", Map.of("firstInitial", "s", "surnamePrefix", "JO",
                        "localAuthority", "london borough of bexley", "dateOfBirth", "03/04/1990"), "P-1"),
                Arguments.of("full names give initials", Map.of("firstName", "Sara", "surname", "Jolly",
                        "localAuthority", "Bexley Council", "dateOfBirth", "20 November 1985"), "P-2"),
                Arguments.of("pseudonymised id", Map.of("pseudonymId", "mod-77-xk"), "P-3"),
                Arguments.of("social worker number spacing", Map.of("socialWorkerNumber", "sw 123 456"), "P-1"),
                Arguments.of("date of birth with initials", Map.of("dateOfBirth", "1985-11-20", "firstInitial", "S",
                        "surnamePrefix", "jo"), "P-2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void eachSchemeLocatesItsPerson(String name, Map<String, String> identifiers, String subjectRef) {
        String study = study();
        log(study, identifiers)
                .body("match.status", equalTo("UNIQUE"))
                .body("match.candidates", equalTo(List.of(Map.of("studyKey", study, "subjectRef", subjectRef))));
    }

    @Test
    void twoPeopleFittingTheIdentifiersAreAmbiguousUntilMoreArrive() {
        String study = study();
        String reference = log(study, Map.of("firstInitial", "S", "surnamePrefix", "Jo", "localAuthority", "Bexley"))
                .body("match.status", equalTo("AMBIGUOUS"))
                .body("match.candidates.subjectRef", equalTo(List.of("P-1", "P-2")))
                .extract().path("reference");
        auditor().get("/api/requests/{ref}", reference).then()
                .body("match.status", equalTo("AMBIGUOUS"))
                .body("match.candidates", nullValue());

        dpo().body(Map.of("kind", "CLARIFICATION_REQUESTED", "on", "2025-03-11"))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200)
                .body("status", equalTo("AWAITING_CLARIFICATION"));
        dpo().body(Map.of("identifiers", Map.of("dateOfBirth", "1985-11-20"), "on", "2025-03-14"))
                .post("/api/requests/{ref}/identifiers", reference).then().statusCode(200)
                .body("match.status", equalTo("UNIQUE"))
                .body("match.candidates.subjectRef", equalTo(List.of("P-2")))
                .body("status", equalTo("AWAITING_REVIEW"))
                .body("clock.pausedDays", equalTo(4))
                .body("deadline", equalTo("2025-04-14"));
        dpo().body(Map.of("identifiers", Map.of("email", "x@example.org")))
                .post("/api/requests/{ref}/identifiers", reference).then().statusCode(409)
                .body("code", equalTo("NOT_AWAITING_IDENTIFIERS"));
    }

    @Test
    void nobodyFittingIsNotFound() {
        String study = study();
        log(study, Map.of("email", "stranger@example.org"))
                .body("match.status", equalTo("NOT_FOUND"))
                .body("match.candidates", equalTo(List.of()));
        log(study, Map.of("dateOfBirth", "1990-02-31", "firstInitial", "S", "surnamePrefix", "Jo"))
                .body("match.status", equalTo("NOT_FOUND"));
    }

    @Test
    void theSamePersonInTwoStudiesIsOneUniqueMatch() {
        String first = study();
        String second = Studies.create("ANALYSIS", "2024-01-01");
        Studies.importSubjects(second, List.of(Studies.subject("Q-7", Map.of("email", "sam.jones@example.org"), "drive")));
        String reference = dpo().body(Map.of("type", "ERASURE", "receivedAt", "2025-03-10", "channel", "EMAIL",
                        "requester", Map.of("name", "Sam Jones", "email", "sam.jones@example.org"),
                        "identifiers", Map.of("email", "sam.jones@example.org"), "studyKeys", List.of(first, second)))
                .post("/api/requests").then().statusCode(201)
                .body("match.status", equalTo("UNIQUE"))
                .extract().path("reference");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("match.candidates", equalTo(List.of(
                        Map.of("studyKey", first, "subjectRef", "P-1"), Map.of("studyKey", second, "subjectRef", "Q-7"))
                        .stream().sorted((a, b) -> a.get("studyKey").compareTo(b.get("studyKey"))).toList()));
    }

    @Test
    void identifiersAndNoDataHeldNeedARequestStillLookingForItsSubject() {
        dpo().body(Map.of("identifiers", Map.of("email", "x@example.org")))
                .post("/api/requests/DSAR-1999-999999/identifiers").then().statusCode(404);
        dpo().post("/api/requests/DSAR-1999-999999/no-data-held").then().statusCode(404);
        String study = study();
        String located = log(study, Map.of("email", "sam.jones@example.org")).extract().path("reference");
        dpo().post("/api/requests/{ref}/no-data-held", located).then().statusCode(409)
                .body("code", equalTo("NOT_AWAITING_IDENTIFIERS"));
        dpo().body(Map.of("identifiers", Map.of())).post("/api/requests/{ref}/identifiers", located).then()
                .statusCode(400).body("field", equalTo("identifiers"));
        auditor().post("/api/requests/{ref}/no-data-held", located).then().statusCode(403);
    }

    private static ValidatableResponse log(String study, Map<String, String> identifiers) {
        return dpo().body(Studies.requestFor(study, "ACCESS", "2025-03-10", identifiers))
                .post("/api/requests").then().statusCode(201);
    }
}
