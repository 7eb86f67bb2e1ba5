package org.dsarflow.intake;

import io.quarkus.test.junit.QuarkusTest;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.clockEvent;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.dsarflow.Api.requestBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RequestLifecycleTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void loggingAnswersTheViewWithoutPersonalData() {
        dpo().body(requestBody("PORTABILITY", "2024-09-03")).post("/api/requests")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/requests/DSAR-\\d{4}-\\d{6}"))
                .body("reference", matchesPattern("DSAR-" + TODAY.getYear() + "-\\d{6}"))
                .body("type", equalTo("PORTABILITY"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("channel", equalTo("EMAIL"))
                .body("receivedAt", equalTo("2024-09-03"))
                .body("receivedOn", equalTo("2024-09-03"))
                .body("clockStartedOn", equalTo("2024-09-03"))
                .body("deadline", equalTo("2024-10-03"))
                .body("extended", equalTo(false))
                .body("clock.state", equalTo("RUNNING"))
                .body("clock.pausedDays", equalTo(0))
                .body("clock.awaiting", empty())
                .body("overdue", equalTo(true))
                .body("dueSoon", equalTo(false))
                .body(not(containsString("example.org")))
                .body(not(containsString("Alex")));
    }

    @Test
    void theReceiptDateIsTheLondonDateWhateverTheHour() {
        String reference = logRequest("ACCESS", "2024-09-03T23:30:00Z");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("receivedAt", equalTo("2024-09-04T00:30:00+01:00"))
                .body("receivedOn", equalTo("2024-09-04"))
                .body("deadline", equalTo("2024-10-04"));
    }

    @Test
    void identityStopsTheClockAndAFreshMonthRunsFromItsArrival() {
        String reference = logRequest("ACCESS", "2025-03-10");
        clockEvent(reference, "IDENTITY_REQUESTED", "2025-03-11");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("status", equalTo("AWAITING_IDENTITY"))
                .body("deadline", nullValue())
                .body("clockStartedOn", nullValue())
                .body("clock.state", equalTo("STOPPED"))
                .body("clock.awaiting", equalTo(List.of("IDENTITY")))
                .body("overdue", equalTo(false));
        clockEvent(reference, "FEE_REQUESTED", "2025-03-12");
        clockEvent(reference, "IDENTITY_CONFIRMED", "2025-03-14");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("status", equalTo("AWAITING_FEE"))
                .body("clock.awaiting", equalTo(List.of("FEE")));
        clockEvent(reference, "FEE_RECEIVED", "2025-03-20");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("clockStartedOn", equalTo("2025-03-20"))
                .body("deadline", equalTo("2025-04-22"));
    }

    @Test
    void clarificationPausesTheClock() {
        String reference = logRequest("ERASURE", "2024-10-01");
        clockEvent(reference, "CLARIFICATION_REQUESTED", "2024-10-02");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("status", equalTo("AWAITING_CLARIFICATION"))
                .body("clock.state", equalTo("PAUSED"))
                .body("clock.pausedSince", equalTo("2024-10-02"))
                .body("overdue", equalTo(false));
        clockEvent(reference, "CLARIFICATION_RECEIVED", "2024-10-09");
        dpo().get("/api/requests/{ref}", reference).then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("clock.state", equalTo("RUNNING"))
                .body("clock.pausedDays", equalTo(8))
                .body("clock.pausedSince", nullValue())
                .body("deadline", equalTo("2024-11-11"));
    }

    @Test
    void anExtensionMovesTheDeadlineToThreeMonthsOnce() {
        String reference = logRequest("ACCESS", "2024-09-03");
        dpo().body(Map.of("kind", "EXTENSION_NOTIFIED", "on", "2024-09-30", "reason", "Numerous requests"))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(200)
                .body("extended", equalTo(true))
                .body("deadline", equalTo("2024-12-03"));
        dpo().body(Map.of("kind", "EXTENSION_NOTIFIED", "on", "2024-10-01", "reason", "Again"))
                .post("/api/requests/{ref}/clock-events", reference).then().statusCode(409)
                .body("code", equalTo("ALREADY_EXTENDED"));
        dpo().get("/api/requests/{ref}", reference).then().body("deadline", equalTo("2024-12-03"));
    }

    @Test
    void dueSoonAndOverdueAreReadAgainstToday() {
        String recent = logRequest("ACCESS", TODAY.minusMonths(1).plusDays(2).toString());
        dpo().get("/api/requests/{ref}", recent).then()
                .body("dueSoon", equalTo(true))
                .body("overdue", equalTo(false));
        String fresh = logRequest("ACCESS", TODAY.toString());
        dpo().get("/api/requests/{ref}", fresh).then()
                .body("dueSoon", equalTo(false))
                .body("overdue", equalTo(false));
    }

    @Test
    void theListFiltersAndSortsByDeadline() {
        String study = Studies.create("COLLECTION", "2024-01-01");
        Map<String, Object> body = new java.util.HashMap<>(requestBody("RESTRICTION", "2025-01-01"));
        body.put("studyKeys", List.of(study));
        String older = dpo().body(body).post("/api/requests").then().statusCode(201).extract().path("reference");
        body.put("receivedAt", TODAY.toString());
        String newer = dpo().body(body).post("/api/requests").then().statusCode(201).extract().path("reference");
        body.put("receivedAt", "2025-02-01");
        String stopped = dpo().body(body).post("/api/requests").then().statusCode(201).extract().path("reference");
        clockEvent(stopped, "IDENTITY_REQUESTED", "2025-02-02");

        List<String> all = auditor().get("/api/requests?studyKey={s}", study).then().statusCode(200)
                .body("total", equalTo(3))
                .extract().path("items.reference");
        assertThat(all).containsExactly(older, newer, stopped);

        dpo().get("/api/requests?studyKey={s}&overdue=true", study).then()
                .body("items.reference", equalTo(List.of(older)));
        dpo().get("/api/requests?studyKey={s}&overdue=false", study).then()
                .body("items.reference", equalTo(List.of(newer, stopped)));
        dpo().get("/api/requests?studyKey={s}&status=awaiting_identity", study).then()
                .body("items.reference", equalTo(List.of(stopped)));
        dpo().get("/api/requests?studyKey={s}&dueBefore=2025-02-04", study).then()
                .body("items.reference", equalTo(List.of(older)));
        dpo().get("/api/requests?studyKey={s}&type=ACCESS", study).then().body("total", equalTo(0));
        dpo().get("/api/requests?studyKey={s}&size=2&page=1", study).then()
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(3))
                .body("items.reference", equalTo(List.of(stopped)));
    }

    @Test
    void cancellingClosesTheRequest() {
        String reference = logRequest("CONSENT_WITHDRAWAL", "2024-01-02");
        dpo().body("{\"reason\":\"Requester withdrew the request by phone\"}")
                .post("/api/requests/{ref}/cancel", reference).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("overdue", equalTo(false))
                .body(not(containsString("withdrew")));
        dpo().get("/api/requests?status=CANCELLED&size=200").then()
                .body("items.reference", hasItem(reference));
    }

    @Test
    void theLocationNamesTheRequest() {
        String location = dpo().body(requestBody("OBJECTION", "2025-05-05")).post("/api/requests")
                .then().statusCode(201).extract().header("Location");
        String reference = location.substring(location.lastIndexOf('/') + 1);
        auditor().get(location).then().statusCode(200).body("reference", equalTo(reference))
                .header("Content-Type", containsString("application/json"));
        assertThat(location).satisfies(l -> assertThat(l).matches(".*DSAR-\\d{4}-\\d{6}"));
        dpo().get("/api/requests/{ref}", reference).then().body("reference", endsWith(reference.substring(5)));
    }
}
