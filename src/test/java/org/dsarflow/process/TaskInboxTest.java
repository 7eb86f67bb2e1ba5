package org.dsarflow.process;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dsarflow.Studies;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.clockEvent;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * GET /api/tasks: the DPO's open user tasks across requests, earliest deadline first. Other tests share
 * the database, so each test looks only at the tasks of its own requests.
 */
@QuarkusTest
class TaskInboxTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void eachOpenTaskCarriesItsRequestsTypeAndDeadline() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String erasure = Studies.located(study, "ERASURE", "2024-02-01", "survey", "transcription", "drive");
        approve(erasure);
        String access = Studies.located(study, "ACCESS", TODAY.toString(), "drive");
        String notFound = logRequest("ACCESS", dueSoonReceipt().toString());

        List<Map<String, Object>> custodianTasks = tasksOf(erasure);
        assertThat(custodianTasks).hasSize(2)
                .allSatisfy(task -> assertThat(task)
                        .containsEntry("activity", "confirmCustodian")
                        .containsEntry("name", "Confirm custodian has acted")
                        .containsEntry("requestType", "ERASURE")
                        .containsEntry("requestStatus", "IN_PROGRESS")
                        .containsEntry("overdue", true)
                        .containsEntry("dueSoon", false));
        assertThat(custodianTasks).extracting(task -> task.get("custodianTask"))
                .containsExactlyInAnyOrder(study + "/survey", study + "/transcription");

        assertThat(tasksOf(access)).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("activity", "reviewDecision")
                .containsEntry("name", "Review decision")
                .containsEntry("requestType", "ACCESS")
                .containsEntry("requestStatus", "AWAITING_REVIEW")
                .containsEntry("custodianTask", null)
                .containsEntry("overdue", false)
                .containsEntry("dueSoon", false));

        assertThat(tasksOf(notFound)).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("activity", "askForIdentifiers")
                .containsEntry("name", "Ask requester for more identifiers")
                .containsEntry("custodianTask", null)
                .containsEntry("overdue", false)
                .containsEntry("dueSoon", true));

        for (String reference : List.of(erasure, access, notFound)) {
            JsonPath request = dpo().get("/api/requests/{ref}", reference).then().statusCode(200).extract().jsonPath();
            assertThat(tasksOf(reference)).allSatisfy(task -> assertThat(task)
                    .containsEntry("reference", reference)
                    .containsEntry("deadline", request.getString("deadline"))
                    .containsEntry("dueSoon", request.getBoolean("dueSoon"))
                    .containsEntry("overdue", request.getBoolean("overdue"))
                    .containsKeys("taskId", "createdAt"));
        }
    }

    @Test
    void earliestDeadlineFirstAndStoppedClocksLast() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String later = Studies.located(study, "ACCESS", TODAY.minusDays(3).toString(), "drive");
        String earlier = Studies.located(study, "ACCESS", "2024-02-01", "drive");
        String stopped = logRequest("ACCESS", "2025-03-10");
        clockEvent(stopped, "IDENTITY_REQUESTED", "2025-03-11");

        List<Map<String, Object>> inbox = allTasks(200);
        assertThat(inbox).extracting(task -> task.get("reference"))
                .filteredOn(reference -> List.of(earlier, later, stopped).contains(reference))
                .containsExactly(earlier, later, stopped);
        assertThat(tasksOf(stopped)).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("deadline", null)
                .containsEntry("dueSoon", false)
                .containsEntry("overdue", false));
        // Holds across every test's requests: deadlines never go down, and none follows a stopped clock.
        assertThat(inbox).extracting(task -> (String) task.get("deadline"))
                .isSortedAccordingTo(Comparator.nullsLast(Comparator.<String>naturalOrder()));
    }

    @Test
    void aTaskLeavesTheInboxOnceDoneAndAClosedRequestLeavesNone() {
        String study = Studies.createWithCustodians("COLLECTION", "2024-01-01");
        String erasure = Studies.located(study, "ERASURE", "2024-02-01", "survey", "transcription");
        assertThat(tasksOf(erasure)).extracting(task -> task.get("activity")).containsExactly("reviewDecision");

        approve(erasure);
        confirm(erasure, "survey");
        assertThat(tasksOf(erasure)).extracting(task -> task.get("custodianTask"))
                .containsExactly(study + "/transcription");
        confirm(erasure, "transcription").body("status", equalTo("COMPLETED"));
        assertThat(tasksOf(erasure)).isEmpty();

        String cancelled = Studies.located(study, "ACCESS", "2024-02-01", "drive");
        assertThat(tasksOf(cancelled)).hasSize(1);
        dpo().body(Map.of("reason", "Requester withdrew the request"))
                .post("/api/requests/{ref}/cancel", cancelled).then().statusCode(200);
        assertThat(tasksOf(cancelled)).isEmpty();

        String refused = Studies.located(study, "ACCESS", "2024-02-01", "drive");
        dpo().body(Map.of("approve", false, "refusalReason", "MANIFESTLY_EXCESSIVE",
                        "justification", "Fifth identical request this month"))
                .post("/api/requests/{ref}/review", refused).then().statusCode(200)
                .body("status", equalTo("REFUSED"));
        assertThat(tasksOf(refused)).isEmpty();

        String closedNoData = logRequest("ACCESS", "2025-03-10");
        assertThat(tasksOf(closedNoData)).hasSize(1);
        dpo().post("/api/requests/{ref}/no-data-held", closedNoData).then().statusCode(200);
        assertThat(tasksOf(closedNoData)).isEmpty();
    }

    @Test
    void pagesSplitTheSameOrderedInbox() {
        for (int i = 0; i < 3; i++) {
            logRequest("ACCESS", "2025-03-10");
        }
        dpo().get("/api/tasks").then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(50));
        JsonPath first = dpo().get("/api/tasks?page=0&size=2").then().statusCode(200).extract().jsonPath();
        int total = first.getInt("total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(2);
        assertThat(first.getList("items")).hasSize(2);

        List<Object> byTwo = allTasks(2).stream().map(task -> task.get("taskId")).toList();
        List<Object> whole = allTasks(200).stream().map(task -> task.get("taskId")).toList();
        assertThat(byTwo).hasSize(total).doesNotHaveDuplicates().isEqualTo(whole);

        dpo().get("/api/tasks?page={page}&size=2", total / 2 + 1).then().statusCode(200)
                .body("items", empty())
                .body("page", equalTo(total / 2 + 1))
                .body("total", equalTo(total));
    }

    /** The first receipt date, counting back no further than a month, whose deadline is not yet past: due within days. */
    private static LocalDate dueSoonReceipt() {
        LocalDate received = TODAY.minusMonths(1).minusDays(7);
        while (LocalDate.parse(dpo().get("/api/calendar/deadline?receivedOn={on}", received.toString())
                .then().statusCode(200).extract().<String>path("deadline")).isBefore(TODAY)) {
            received = received.plusDays(1);
        }
        return received;
    }

    @Test
    void openComplaintsShowTheirInvestigationDueByTheAcknowledgementDeadline() {
        String overdue = complaintReceived(TODAY.minusDays(40));
        String dueSoon = complaintReceived(TODAY.minusDays(28));
        String fresh = complaintReceived(TODAY);
        String request = logRequest("ACCESS", TODAY.toString());

        assertThat(tasksOf(overdue)).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("kind", "COMPLAINT")
                .containsEntry("activity", "investigateComplaint")
                .containsEntry("complaintStatus", "RECEIVED")
                .containsEntry("deadline", TODAY.minusDays(11).toString())
                .containsEntry("overdue", true)
                .containsEntry("dueSoon", false)
                .containsEntry("incident", false)
                .containsEntry("requestType", null)
                .containsKeys("taskId", "createdAt", "name"));
        assertThat(tasksOf(dueSoon)).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("deadline", TODAY.plusDays(1).toString())
                .containsEntry("overdue", false)
                .containsEntry("dueSoon", true));
        assertThat(tasksOf(fresh)).singleElement().satisfies(task -> assertThat(task)
                .containsEntry("deadline", TODAY.plusDays(29).toString())
                .containsEntry("overdue", false)
                .containsEntry("dueSoon", false));
        assertThat(tasksOf(request)).isNotEmpty()
                .allSatisfy(task -> assertThat(task).containsEntry("kind", "REQUEST").containsEntry("complaintStatus", null));
        // No personal data: the complainant's name, email and summary are nowhere in the inbox.
        assertThat(dpo().get("/api/tasks?size=200").asString()).doesNotContain("Casey").doesNotContain("@example").doesNotContain("answered late");

        List<String> order = allTasks(200).stream().map(task -> (String) task.get("reference"))
                .filter(reference -> List.of(overdue, dueSoon, fresh).contains(reference)).toList();
        assertThat(order).containsExactly(overdue, dueSoon, fresh);

        assertThat(dpo().get("/api/tasks?size=200").jsonPath().getList("items.deadline", String.class)
                .stream().filter(java.util.Objects::nonNull).toList())
                .isSortedAccordingTo(Comparator.naturalOrder());
    }

    private static String complaintReceived(LocalDate on) {
        return dpo().body(org.dsarflow.Api.complaintBody(on.toString(), null)).post("/api/complaints")
                .then().statusCode(201).extract().path("reference");
    }

    private static List<Map<String, Object>> tasksOf(String reference) {
        return allTasks(200).stream().filter(task -> reference.equals(task.get("reference"))).toList();
    }

    /** Every open task, page by page; each page says which it is and how many there are in all. */
    private static List<Map<String, Object>> allTasks(int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = dpo().get("/api/tasks?page={page}&size={size}", page, size)
                    .then().statusCode(200)
                    .body("page", equalTo(page))
                    .body("size", equalTo(size))
                    .extract().jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            all.addAll(items);
            long total = body.getLong("total");
            if (items.size() < size || (long) (page + 1) * size >= total) {
                assertThat(all).hasSize((int) total);
                return all;
            }
        }
    }

    private static void approve(String reference) {
        dpo().body(Map.of("approve", true)).post("/api/requests/{ref}/review", reference).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse confirm(String reference, String holding) {
        return dpo().body(Map.of("holdingKey", holding, "confirmedOn", "2024-03-01"))
                .post("/api/requests/{ref}/custodian-confirmations", reference).then().statusCode(200);
    }
}
