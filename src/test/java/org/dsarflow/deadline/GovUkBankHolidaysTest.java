package org.dsarflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GovUkBankHolidaysTest {

    private static Map<String, List<BankHoliday>> parse(String json) {
        return GovUkBankHolidays.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String division(String name, String events) {
        return "\"" + name + "\": {\"division\": \"" + name + "\", \"events\": [" + events + "]}";
    }

    @Test
    void parsesTheBundledFile() throws Exception {
        Map<String, List<BankHoliday>> divisions;
        try (InputStream in = getClass().getResourceAsStream("/bank-holidays.json")) {
            divisions = GovUkBankHolidays.parse(in);
        }

        assertThat(divisions).containsOnlyKeys("england-and-wales");
        assertThat(divisions.get("england-and-wales"))
                .hasSize(67)
                .first().isEqualTo(new BankHoliday(LocalDate.of(2020, 1, 1), "New Year's Day"));
        assertThat(divisions.get("england-and-wales"))
                .contains(new BankHoliday(LocalDate.of(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"));
    }

    @Test
    void keepsDivisionsInDocumentOrderAndIgnoresNotesAndBunting() {
        String json = "{"
                + division("scotland", "{\"title\": \"St Andrew's Day\", \"date\": \"2024-12-02\", "
                        + "\"notes\": \"Substitute day\", \"bunting\": true}")
                + ", "
                + division("england-and-wales", "")
                + ", "
                + division("northern-ireland", "{\"title\": \"St Patrick's Day\", \"date\": \"2024-03-18\"}")
                + "}";

        Map<String, List<BankHoliday>> divisions = parse(json);

        assertThat(divisions.keySet()).containsExactly("scotland", "england-and-wales", "northern-ireland");
        assertThat(divisions.get("scotland"))
                .containsExactly(new BankHoliday(LocalDate.of(2024, 12, 2), "St Andrew's Day"));
        assertThat(divisions.get("england-and-wales")).isEmpty();
    }

    @Test
    void writesTheSameFormatBack() {
        Map<String, List<BankHoliday>> divisions = new LinkedHashMap<>();
        divisions.put("england-and-wales", List.of(
                new BankHoliday(LocalDate.of(2024, 12, 25), "Christmas Day"),
                new BankHoliday(LocalDate.of(2024, 12, 26), "Boxing Day")));
        divisions.put("scotland", List.of(new BankHoliday(LocalDate.of(2025, 1, 2), "2nd January")));

        JsonNode json = GovUkBankHolidays.toJson(divisions);

        assertThat(json.get("england-and-wales").get("division").asText()).isEqualTo("england-and-wales");
        assertThat(json.get("england-and-wales").get("events").get(1).get("date").asText()).isEqualTo("2024-12-26");
        assertThat(json.get("england-and-wales").get("events").get(1).get("title").asText()).isEqualTo("Boxing Day");
        assertThat(GovUkBankHolidays.parse(json)).isEqualTo(divisions);
    }

    @Test
    void roundTripsTheBundledFile() throws Exception {
        Map<String, List<BankHoliday>> bundled;
        try (InputStream in = getClass().getResourceAsStream("/bank-holidays.json")) {
            bundled = GovUkBankHolidays.parse(in);
        }

        String written = GovUkBankHolidays.toJson(bundled).toString();

        assertThat(parse(written)).isEqualTo(bundled);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        not an object        | [1, 2]                                                                  | must be a JSON object keyed by division
        division not object  | {"england-and-wales": "x"}                                              | division 'england-and-wales' must be a JSON object
        missing events       | {"england-and-wales": {"division": "england-and-wales"}}                | division 'england-and-wales' must have an 'events' array
        events not array     | {"scotland": {"events": {}}}                                            | division 'scotland' must have an 'events' array
        event not object     | {"scotland": {"events": ["2024-01-01"]}}                                | scotland.events[0] must be a JSON object
        impossible date      | {"scotland": {"events": [{"title": "X", "date": "2025-02-30"}]}}        | scotland.events[0]: '2025-02-30' is not a valid date
        malformed date       | {"scotland": {"events": [{"title": "X", "date": "2 Jan 2025"}]}}        | scotland.events[0]: '2 Jan 2025' is not a valid date
        date with time       | {"scotland": {"events": [{"title": "X", "date": "2025-01-02T00:00"}]}}  | scotland.events[0]: '2025-01-02T00:00' is not a valid date
        missing date         | {"scotland": {"events": [{"title": "X"}]}}                              | scotland.events[0] has no date
        date not text        | {"scotland": {"events": [{"title": "X", "date": 20250102}]}}            | scotland.events[0] has no date
        missing title        | {"scotland": {"events": [{"date": "2025-01-02"}]}}                      | scotland.events[0] has no title
        blank title          | {"scotland": {"events": [{"title": " ", "date": "2025-01-02"}]}}        | scotland.events[0] has no title
        """)
    void rejectsMalformedCalendars(String problem, String json, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsADuplicateDateWithinADivision() {
        String json = "{" + division("scotland",
                "{\"title\": \"A\", \"date\": \"2024-12-25\"}, {\"title\": \"B\", \"date\": \"2024-12-25\"}") + "}";

        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("scotland.events[1]: 2024-12-25 appears more than once in division 'scotland'");
    }

    @Test
    void allowsTheSameDateInDifferentDivisions() {
        String event = "{\"title\": \"Christmas Day\", \"date\": \"2024-12-25\"}";

        assertThat(parse("{" + division("scotland", event) + ", " + division("england-and-wales", event) + "}"))
                .hasSize(2);
    }

    @Test
    void reportsInvalidJsonInItsOwnWords() {
        assertThatThrownBy(() -> parse("{\"scotland\": {\"events\": [}"))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageStartingWith("the bank holidays file is not valid JSON (line 1, column ")
                .hasMessageNotContaining("Unexpected character");
    }

    @Test
    void reportsAnEmptyFile() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessage("the bank holidays file is empty");
    }
}
