package org.dsarflow.subject;

import org.dsarflow.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryReadersTest {

    @Test
    void aCsvRowBecomesADraftNumberedByItsLine() {
        List<RegistryDraftRow> rows = csv("""
                subjectRef,category,id.email,id.firstInitial,holdings,attr.stressScore
                P-1,SOCIAL_WORKER,one@example.org,,survey; drive ;,4

                P-2,CARER,two@example.org,B,,
                """);

        assertThat(rows).containsExactly(
                new RegistryDraftRow(2, "P-1", "SOCIAL_WORKER", Map.of("email", "one@example.org"),
                        List.of("survey", "drive"), Map.of("stressScore", "4")),
                new RegistryDraftRow(4, "P-2", "CARER", Map.of("email", "two@example.org", "firstInitial", "B"),
                        List.of(), Map.of()));
    }

    @Test
    void aCsvRowWithTheWrongNumberOfFieldsCannotBeRead() {
        assertThat(csv("subjectRef,category,holdings\nP-1,SOCIAL_WORKER\n"))
                .containsExactly(RegistryDraftRow.unreadable(2, "has 2 fields; the header has 3"));
    }

    @Test
    void aWrongCsvHeaderRefusesTheWholeFile() {
        assertRefused(() -> csv(""), "body", "The CSV has no header row");
        assertRefused(() -> csv("subjectRef,category,holdings,holdings\n"), "header", "The CSV header names a column twice");
        assertRefused(() -> csv("subjectRef,category,email,holdings\n"), "header",
                "Unknown CSV column 'email': expected subjectRef, category, holdings, id.<key> or attr.<name>");
        assertRefused(() -> csv("subjectRef,category,id.e-mail,holdings\n"), "header",
                "Unknown CSV column 'id.e-mail': expected subjectRef, category, holdings, id.<key> or attr.<name>");
        assertRefused(() -> csv("subjectRef,category,id.email\n"), "header", "The CSV header has no holdings column");
    }

    @Test
    void aMalformedCsvStopsAfterTheLastRowRead() {
        assertThat(csv("subjectRef,category,holdings\nP-1,SOCIAL_WORKER,survey\n\"P-2,SOCIAL_WORKER,survey\n"))
                .containsExactly(new RegistryDraftRow(2, "P-1", "SOCIAL_WORKER", Map.of(), List.of("survey"), Map.of()),
                        RegistryDraftRow.malformedFrom(3, "CSV"));
    }

    @Test
    void aJsonElementBecomesADraftNumberedByItsPosition() {
        List<RegistryDraftRow> rows = json("""
                [{"subjectRef":"J-1","category":"SOCIAL_WORKER","identifiers":{"email":"j1@example.org","firstInitial":" "},
                  "holdings":[" survey "],"attributes":{"stressScore":4}},
                 {"subjectRef":"J-2"}]""");

        assertThat(rows).containsExactly(
                new RegistryDraftRow(1, "J-1", "SOCIAL_WORKER", Map.of("email", "j1@example.org"), List.of("survey"),
                        Map.of("stressScore", "4")),
                new RegistryDraftRow(2, "J-2", null, Map.of(), List.of(), Map.of()));
    }

    @Test
    void aJsonElementOfTheWrongShapeCannotBeRead() {
        assertThat(json("""
                ["not an object", {"subjectRef":{"a":1}}, {"identifiers":["x"]}, {"attributes":{"a":[1]}},
                 {"holdings":"survey"}]"""))
                .containsExactly(
                        RegistryDraftRow.unreadable(1, "is not an object"),
                        RegistryDraftRow.unreadable(2, "subjectRef must be text"),
                        RegistryDraftRow.unreadable(3, "identifiers must be an object of names to text"),
                        RegistryDraftRow.unreadable(4, "attributes.a must be text"),
                        RegistryDraftRow.unreadable(5, "holdings must be an array of holding keys"));
    }

    @Test
    void aJsonRegistryMustBeAnArray() {
        assertRefused(() -> json("{\"subjectRef\":\"P-1\"}"), "body", "The registry must be a JSON array of subjects");
        assertRefused(() -> json(""), "body", "The registry must be a JSON array of subjects");
    }

    @Test
    void aMalformedJsonStopsAtTheElementItBreaksIn() {
        assertThat(json("[{\"subjectRef\":\"M-1\"}, {\"subjectRef\": "))
                .containsExactly(new RegistryDraftRow(1, "M-1", null, Map.of(), List.of(), Map.of()),
                        RegistryDraftRow.malformedFrom(2, "JSON"));
        assertThat(json("[{\"subjectRef\":\"M-1\"} x"))
                .extracting(RegistryDraftRow::line).containsExactly(1L, 2L);
    }

    private static List<RegistryDraftRow> csv(String text) {
        List<RegistryDraftRow> rows = new ArrayList<>();
        RegistryCsvReader.read(stream(text), rows::add);
        return rows;
    }

    private static List<RegistryDraftRow> json(String text) {
        List<RegistryDraftRow> rows = new ArrayList<>();
        RegistryJsonReader.read(stream(text), rows::add);
        return rows;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Runnable read, String field, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
    }
}
