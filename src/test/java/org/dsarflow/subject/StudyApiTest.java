package org.dsarflow.subject;

import io.quarkus.test.junit.QuarkusTest;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class StudyApiTest {

    @Test
    void aRegisteredStudyReadsBackAsWritten() {
        String key = Studies.create("COLLECTION", "2024-01-01");
        dpo().get("/api/studies/{key}", key).then().statusCode(200)
                .body("key", equalTo(key))
                .body("phase", equalTo("COLLECTION"))
                .body("phaseSince", equalTo("2024-01-01"))
                .body("identifierSchemes", equalTo(List.of(List.of("email"),
                        List.of("firstInitial", "localAuthority", "surnamePrefix"))))
                .body("holdings.key", equalTo(List.of("archive", "drive", "survey")))
                .body("holdings.find { it.key == 'survey' }.custody", equalTo("EXTERNAL"))
                .body("holdings.find { it.key == 'survey' }.retentionPeriod", equalTo("P12M"))
                .body("lawfulBases[0].basis", equalTo("Public task"));
        admin().get("/api/studies").then().statusCode(200).body("key", hasItem(key));
        auditor().get("/api/studies").then().statusCode(403);
        dpo().body(study(key)).post("/api/studies").then().statusCode(403);
    }

    @Test
    void phasesMoveForwardDatedAndBackOnlyAsACorrection() {
        String key = Studies.create("COLLECTION", "2024-01-01");
        admin().body(Map.of("phase", "ANALYSIS", "on", "2024-06-01")).post("/api/studies/{key}/phase", key)
                .then().statusCode(200).body("phase", equalTo("ANALYSIS")).body("phaseSince", equalTo("2024-06-01"));
        admin().body(Map.of("phase", "COLLECTION", "on", "2024-07-01")).post("/api/studies/{key}/phase", key)
                .then().statusCode(409).body("code", equalTo("PHASE_BACKWARDS"));
        admin().body(Map.of("phase", "ARCHIVED", "on", "2024-05-01")).post("/api/studies/{key}/phase", key)
                .then().statusCode(409).body("code", equalTo("PHASE_DATE_BEFORE_CURRENT"));
        admin().body(Map.of("phase", "ARCHIVED", "on", "2999-01-01")).post("/api/studies/{key}/phase", key)
                .then().statusCode(400).body("field", equalTo("on"));
        admin().body(Map.of("phase", "FROZEN", "on", "2024-07-01")).post("/api/studies/{key}/phase", key)
                .then().statusCode(400).body("field", equalTo("phase"));
        admin().body(Map.of("phase", "COLLECTION", "on", "2024-01-01", "correctionReason", "Analysis had not started"))
                .post("/api/studies/{key}/phase", key)
                .then().statusCode(200).body("phase", equalTo("COLLECTION"));
        admin().body(Map.of("phase", "ANALYSIS", "on", "2024-06-01")).post("/api/studies/no-such-study/phase")
                .then().statusCode(404);
    }

    @Test
    void replacingAStudyKeepsItsPhaseAndItsHoldingsInUse() {
        String key = Studies.create("COLLECTION", "2024-01-01");
        Studies.importSubjects(key, List.of(Studies.subject("P-1", Map.of("email", "hold@example.org"), "survey")));
        Map<String, Object> changed = study(key);
        changed.put("name", "Renamed study");
        admin().body(changed).put("/api/studies/{key}", key).then().statusCode(200).body("name", equalTo("Renamed study"));

        Map<String, Object> otherPhase = study(key);
        otherPhase.put("phase", "ANALYSIS");
        admin().body(otherPhase).put("/api/studies/{key}", key).then().statusCode(409)
                .body("code", equalTo("PHASE_CHANGE_NEEDS_PHASE_ENDPOINT"));

        Map<String, Object> withoutSurvey = study(key);
        withoutSurvey.put("holdings", List.of(Studies.holding("drive", "Drive", "INTERNAL", "IDENTIFIED", "PRIMARY")));
        admin().body(withoutSurvey).put("/api/studies/{key}", key).then().statusCode(409)
                .body("code", equalTo("HOLDING_IN_USE"));

        Map<String, Object> withoutArchive = study(key);
        withoutArchive.put("holdings", List.of(
                Studies.holding("survey", "Survey", "EXTERNAL", "IDENTIFIED", "PRIMARY"),
                Studies.holding("drive", "Drive", "INTERNAL", "IDENTIFIED", "PRIMARY")));
        admin().body(withoutArchive).put("/api/studies/{key}", key).then().statusCode(200).body("holdings", hasSize(2));
    }

    @Test
    void badStudies() {
        String key = Studies.create("COLLECTION", "2024-01-01");
        admin().body(study(key)).post("/api/studies").then().statusCode(409).body("code", equalTo("STUDY_EXISTS"));
        Map<String, Object> noSchemes = study("fresh-" + System.nanoTime());
        noSchemes.put("identifierSchemes", List.of());
        admin().body(noSchemes).post("/api/studies").then().statusCode(400).body("field", equalTo("identifierSchemes"));
        Map<String, Object> badCustody = study("fresh-" + System.nanoTime());
        badCustody.put("holdings", List.of(Map.of("key", "x", "location", "y", "custody", "SOMEWHERE",
                "identifiability", "IDENTIFIED", "source", "PRIMARY")));
        admin().body(badCustody).post("/api/studies").then().statusCode(400).body("field", equalTo("holdings[0].custody"));
        Map<String, Object> twice = study("fresh-" + System.nanoTime());
        twice.put("holdings", List.of(Studies.holding("x", "A", "INTERNAL", "IDENTIFIED", "PRIMARY"),
                Studies.holding("x", "B", "INTERNAL", "IDENTIFIED", "PRIMARY")));
        admin().body(twice).post("/api/studies").then().statusCode(400).body("field", equalTo("holdings"));
        admin().body(study("other-key")).put("/api/studies/{key}", key).then().statusCode(400).body("field", equalTo("key"));
        dpo().get("/api/studies/no-such-study").then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }

    static Map<String, Object> study(String key) {
        Map<String, Object> study = new HashMap<>();
        study.put("key", key);
        study.put("name", "Study " + key);
        study.put("phase", "COLLECTION");
        study.put("phaseSince", "2024-01-01");
        study.put("identifierSchemes", List.of(List.of("email"), List.of("firstInitial", "surnamePrefix", "localAuthority")));
        study.put("holdings", List.of(
                Studies.holding("survey", "Online survey platform", "EXTERNAL", "IDENTIFIED", "PRIMARY"),
                Studies.holding("drive", "Restricted shared drive", "INTERNAL", "IDENTIFIED", "PRIMARY"),
                Studies.holding("archive", "Secure research archive", "EXTERNAL", "ANONYMISED", "PRIMARY")));
        return study;
    }
}
