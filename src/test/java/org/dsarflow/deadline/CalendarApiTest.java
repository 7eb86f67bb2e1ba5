package org.dsarflow.deadline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CalendarApiTest {

    @Test
    void anyoneMayReadTheCalendarInGovUkFormat() {
        anonymous().get("/api/calendar/holidays").then().statusCode(200)
                .body("'england-and-wales'.division", equalTo("england-and-wales"))
                .body("'england-and-wales'.events.date", hasItem("2022-09-19"))
                .body("'england-and-wales'.events.title", hasItem("Bank Holiday for the State Funeral of Queen Elizabeth II"));
    }

    @Test
    void theDeadlineQuestionAnswersForAnyDate() {
        dpo().get("/api/calendar/deadline?receivedOn=2024-11-25").then().statusCode(200)
                .body("receivedOn", equalTo("2024-11-25"))
                .body("deadline", equalTo("2024-12-27"))
                .body("extendedDeadline", equalTo("2025-02-25"))
                .body("calendarCovers", equalTo(true));
        auditor().get("/api/calendar/deadline?receivedOn=2035-01-31").then().statusCode(200)
                .body("deadline", equalTo("2035-02-28"))
                .body("calendarCovers", equalTo(false));
    }

    @Test
    void aNewBankHolidayMovesTheDeadlinesOfOpenRequests() {
        JsonPath original = anonymous().get("/api/calendar/holidays").then().statusCode(200).extract().jsonPath();
        String reference = logRequest("ACCESS", "2025-03-10");
        dpo().get("/api/requests/{ref}", reference).then().body("deadline", equalTo("2025-04-10"));
        try {
            admin().body(withHoliday(original.getMap(""), "2025-04-10", "Coronation of a new monarch"))
                    .put("/api/calendar/holidays").then().statusCode(200)
                    .body("'england-and-wales'.events.date", hasItem("2025-04-10"));

            dpo().get("/api/requests/{ref}", reference).then().body("deadline", equalTo("2025-04-11"));
            dpo().get("/api/requests?dueBefore=2025-04-11&type=ACCESS&size=200").then()
                    .body("items.reference", org.hamcrest.Matchers.not(hasItem(reference)));
            dpo().get("/api/calendar/deadline?receivedOn=2025-03-10").then().body("deadline", equalTo("2025-04-11"));
        } finally {
            admin().body(original.getMap("")).put("/api/calendar/holidays").then().statusCode(200);
        }
        dpo().get("/api/requests/{ref}", reference).then().body("deadline", equalTo("2025-04-10"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withHoliday(Map<String, Object> calendar, String date, String title) {
        Map<String, Object> copy = new LinkedHashMap<>(calendar);
        Map<String, Object> division = new LinkedHashMap<>((Map<String, Object>) copy.get("england-and-wales"));
        List<Object> events = new ArrayList<>((List<Object>) division.get("events"));
        events.add(Map.of("title", title, "date", date));
        division.put("events", events);
        copy.put("england-and-wales", division);
        return copy;
    }
}
