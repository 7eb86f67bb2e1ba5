package org.dsarflow.complaint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dsarflow.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;

/**
 * The s.164B report against a fixed set of complaints, received in a month no other test uses: one acknowledged
 * in time and upheld, one acknowledged late and not upheld, one not acknowledged and open, one withdrawn, and
 * one received the day after the month, left out.
 */
@QuarkusTest
class ComplaintReportTest {

    private static final String FROM = "2024-03-01";
    private static final String TO = "2024-03-31";

    @Test
    void theCountsOfAMonthOfComplaints() {
        String inTime = log("2024-03-01");
        acknowledgeByPost(inTime, "2024-03-05");
        close(inTime, "UPHELD");
        String late = log("2024-03-02");
        acknowledgeByPost(late, "2024-04-15");
        close(late, "NOT_UPHELD");
        log("2024-03-10");
        String withdrawn = log("2024-03-31");
        close(withdrawn, "WITHDRAWN");
        String nextMonth = log("2024-04-01");
        close(nextMonth, "UPHELD");

        JsonPath report = auditor().get("/api/complaints/report?from={from}&to={to}", FROM, TO).then()
                .statusCode(200).extract().jsonPath();

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        long upheldDays = ChronoUnit.DAYS.between(LocalDate.parse("2024-03-01"), today);
        long notUpheldDays = ChronoUnit.DAYS.between(LocalDate.parse("2024-03-02"), today);
        assertThat(report.getInt("received")).isEqualTo(4);
        assertThat(report.getInt("acknowledged.withinThirtyDays")).isEqualTo(1);
        // The withdrawal's outcome email would count as its acknowledgement; no email goes here (no job runs).
        assertThat(report.getInt("acknowledged.late")).isEqualTo(1);
        assertThat(report.getInt("acknowledged.notYet")).isEqualTo(2);
        assertThat(report.getInt("open")).isEqualTo(1);
        assertThat(report.getMap("closedByOutcome")).isEqualTo(Map.of("UPHELD", 1, "PARTLY_UPHELD", 0,
                "NOT_UPHELD", 1, "WITHDRAWN", 1));
        assertThat(report.getDouble("medianDaysToOutcome")).isEqualTo((upheldDays + notUpheldDays) / 2.0);

        String csv = dpo().get("/api/complaints/report?from={from}&to={to}&format=csv", FROM, TO).then()
                .statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"complaints-2024-03-01-2024-03-31.csv\"")
                .extract().asString();
        assertThat(csv.lines()).startsWith("measure,value").contains("received,4", "acknowledgedWithinThirtyDays,1",
                "acknowledgedLate,1", "acknowledgedNotYet,2", "open,1", "closed:UPHELD,1", "closed:PARTLY_UPHELD,0",
                "closed:NOT_UPHELD,1", "closed:WITHDRAWN,1",
                "medianDaysToOutcome," + (upheldDays + notUpheldDays) / 2.0);
    }

    private static String log(String receivedOn) {
        Map<String, Object> body = new LinkedHashMap<>(Api.complaintBody(receivedOn, null));
        body.put("channel", "POST");
        body.put("complainant", Map.of("name", "Pat Post", "postalAddress", "1 High Street, Anytown"));
        return dpo().body(body).post("/api/complaints").then().statusCode(201).extract().path("reference");
    }

    private static void acknowledgeByPost(String reference, String sentOn) {
        dpo().body(Map.of("sentOn", sentOn)).post("/api/complaints/{ref}/acknowledgement", reference).then()
                .statusCode(200);
    }

    private static void close(String reference, String outcome) {
        dpo().body(Map.of("outcome", outcome, "summary", "Looked into")).post("/api/complaints/{ref}/outcome", reference)
                .then().statusCode(200);
    }
}
