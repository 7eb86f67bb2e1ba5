package org.dsarflow.fulfilment;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import org.dsarflow.Studies;
import org.dsarflow.shared.SpreadsheetSafeCsvTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;

/** The response package as CSV carries no live formula from the registry; as JSON it stays exact. */
@QuarkusTest
class ResponsePackageCsvTest {

    @Test
    void registryValuesThatLookLikeFormulasComeOutInert() throws Exception {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> dangerous = SpreadsheetSafeCsvTest.DANGEROUS;
        for (int i = 0; i < dangerous.size(); i++) {
            attributes.put("note" + i, dangerous.get(i));
        }
        String email = "formula-" + System.nanoTime() + "@example.org";
        Studies.importSubjects(study, List.of(Map.of("subjectRef", "F-1", "category", "SOCIAL_WORKER",
                "identifiers", Map.of("email", email), "holdings", List.of("drive"), "attributes", attributes)));
        String reference = dpo().body(Studies.requestFor(study, "ACCESS", "2024-02-01", Map.of("email", email)))
                .post("/api/requests").then().statusCode(201).extract().path("reference");
        dpo().body("{\"approve\":true}").post("/api/requests/{ref}/review", reference).then().statusCode(200);

        String csv = dpo().get("/api/requests/{ref}/response-package?format=csv", reference)
                .then().statusCode(200).extract().asString();
        Map<String, String> cells = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).without(CsvParser.Feature.TRIM_SPACES).readValues(csv)) {
            rows.forEachRemaining(row -> cells.put(row.get("name"), row.get("value")));
        }
        for (int i = 0; i < dangerous.size(); i++) {
            assertThat(cells.get("note" + i)).as("note" + i).isEqualTo("'" + dangerous.get(i));
        }

        Map<String, String> exact = dpo().get("/api/requests/{ref}/response-package", reference)
                .then().statusCode(200).extract().path("studies[0].attributes");
        for (int i = 0; i < dangerous.size(); i++) {
            assertThat(exact.get("note" + i)).isEqualTo(dangerous.get(i));
        }
    }
}
