package org.dsarflow.subject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RegistryImportTest {

    @Test
    void aCsvRegistryImportsAndReimportsAsAnUpsert() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        String csv = """
                subjectRef,category,id.email,id.firstInitial,id.surnamePrefix,id.localAuthority,holdings,attr.stressScore
                P-1,SOCIAL_WORKER,one@example.org,A,Sm,Bexley,survey;drive,4
                P-2,SOCIAL_WORKER,two@example.org,,,,survey,2
                """;
        importCsv(study, csv).body("created", equalTo(2)).body("updated", equalTo(0)).body("rejected", empty());
        importCsv(study, csv.replace(",4\n", ",5\n")).body("created", equalTo(0)).body("updated", equalTo(2));

        SubjectRecord p1 = QuarkusTransaction.requiringNew().call(() -> {
            SubjectRecord record = SubjectRecord.find("studyKey = ?1 and subjectRef = ?2", study, "P-1").singleResult();
            record.holdings.size();
            record.attributes.size();
            return record;
        });
        assertThat(p1.holdings).containsExactlyInAnyOrder("survey", "drive");
        assertThat(p1.attributes).containsEntry("stressScore", "5");
        assertThat(p1.attributes).containsEntry("identifier.email", "one@example.org");
        SubjectRecord p2 = QuarkusTransaction.requiringNew().call(() -> {
            SubjectRecord record = SubjectRecord.find("studyKey = ?1 and subjectRef = ?2", study, "P-2").singleResult();
            record.attributes.size();
            return record;
        });
        assertThat(p2.attributes).as("held only externally: no raw identifiers kept").doesNotContainKey("identifier.email");
    }

    @Test
    void everyBadRowIsNamedAndEveryGoodRowGoesIn() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        String csv = """
                subjectRef,category,id.email,id.firstInitial,id.surnamePrefix,id.localAuthority,id.dateOfBirth,holdings
                G-1,SOCIAL_WORKER,good1@example.org,,,,,survey
                B-1,SOCIAL_WORKER,bad1@example.org,,,,survey
                B-2,SOCIAL_WORKER,bad2@example.org,,,,,laptop
                G-2,SOCIAL_WORKER,good2@example.org,,,,,drive
                G-1,SOCIAL_WORKER,dup@example.org,,,,,survey
                B-4,SOCIAL_WORKER,,A,Sm,Bexley,2001-02-31,survey
                B-5,SOCIAL_WORKER,,,,,,survey
                ,SOCIAL_WORKER,noref@example.org,,,,,survey
                G-3,CARER,,B,Jo,Haringey,,drive
                """;
        importCsv(study, csv)
                .body("created", equalTo(3))
                .body("rejected.line", equalTo(List.of(3, 4, 6, 7, 8, 9)))
                .body("rejected[0].problem", equalTo("has 7 fields; the header has 8"))
                .body("rejected[1].problem", equalTo("names holding 'laptop', which study " + study + " does not have"))
                .body("rejected[2].problem", equalTo("repeats subjectRef G-1 of line 2"))
                .body("rejected[4].problem", org.hamcrest.Matchers.startsWith("has no identifiers that complete a scheme"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("bad1@example.org")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("2001-02-31")));
    }

    @Test
    void aJsonRegistryReportsBadElementsByPosition() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        admin().body("""
                        [{"subjectRef":"J-1","category":"SOCIAL_WORKER","identifiers":{"email":"j1@example.org"},"holdings":["survey"]},
                         {"subjectRef":"J-2","category":"social worker","identifiers":{"email":"j2@example.org"},"holdings":["survey"]},
                         "not an object",
                         {"subjectRef":"J-3","category":"SOCIAL_WORKER","identifiers":{"email":"j3@example.org"},"holdings":"survey"},
                         {"subjectRef":"J-4","category":"SOCIAL_WORKER","identifiers":{"email":"j4@example.org"},"holdings":["drive"]}]""")
                .post("/api/studies/{key}/subjects", study).then().statusCode(200)
                .body("created", equalTo(2))
                .body("rejected.line", equalTo(List.of(2, 3, 4)));
    }

    @Test
    void aMalformedFileStopsWhereItBreaksAndKeepsWhatCameBefore() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        admin().body("[{\"subjectRef\":\"M-1\",\"category\":\"SOCIAL_WORKER\",\"identifiers\":{\"email\":\"m1@example.org\"},"
                        + "\"holdings\":[\"survey\"]}, {\"subjectRef\": ")
                .post("/api/studies/{key}/subjects", study).then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected.line", equalTo(List.of(2)));
    }

    @Test
    void theWholeFileIsRefusedWhenItsShapeIsWrong() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        importCsvStatus(study, "subjectRef,category,email,holdings\nP-1,SOCIAL_WORKER,a@example.org,survey\n", 400)
                .body("field", equalTo("header"));
        importCsvStatus(study, "subjectRef,category,id.email\nP-1,SOCIAL_WORKER,a@example.org\n", 400)
                .body("field", equalTo("header"));
        admin().body("{\"subjectRef\":\"P-1\"}").post("/api/studies/{key}/subjects", study).then().statusCode(400)
                .body("field", equalTo("body"));
        admin().body("[]").post("/api/studies/no-such-study/subjects").then().statusCode(404);
        dpo().body("[]").post("/api/studies/{key}/subjects", study).then().statusCode(403);
        admin().contentType("application/xml").body("<x/>").post("/api/studies/{key}/subjects", study).then().statusCode(415);
    }

    @Test
    void theLookupIndexHoldsOnlyHashes() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Studies.importSubjects(study, List.of(Studies.subject("H-1",
                Map.of("email", "hash.only@example.org", "firstInitial", "Q", "surnamePrefix", "Zx", "localAuthority", "Bexley"),
                "survey")));
        List<SubjectLookup> lookups = QuarkusTransaction.requiringNew().call(() ->
                SubjectLookup.list("subjectId in (select s.id from SubjectRecord s where s.studyKey = ?1)", study));
        assertThat(lookups).extracting(l -> l.scheme).containsExactlyInAnyOrder("email", "firstInitial+localAuthority+surnamePrefix");
        assertThat(lookups).extracting(l -> l.lookupHash).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    private static io.restassured.response.ValidatableResponse importCsv(String study, String csv) {
        return importCsvStatus(study, csv, 200);
    }

    private static io.restassured.response.ValidatableResponse importCsvStatus(String study, String csv, int status) {
        return admin().contentType("text/csv").body(csv).post("/api/studies/{key}/subjects", study).then().statusCode(status);
    }
}
