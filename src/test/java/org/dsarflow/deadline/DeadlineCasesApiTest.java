package org.dsarflow.deadline;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.dsarflow.Api.clockEvent;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every worked case of deadline-cases.csv through the REST API: log the request, post its clock
 * events in order, read the deadline. A case received after today cannot be logged (a future
 * receipt is refused), so it is asked of the calendar's "when is this due?" endpoint instead.
 */
@QuarkusTest
class DeadlineCasesApiTest {

    static List<DeadlineCases.DeadlineCase> cases() {
        return DeadlineCases.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deadlineThroughTheApi(DeadlineCases.DeadlineCase row) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        if (row.receiptDate().isAfter(today)) {
            dpo().queryParam("receivedOn", row.receiptDate().toString())
                    .queryParam("type", row.type())
                    .get("/api/calendar/deadline")
                    .then().statusCode(200)
                    .body("deadline", equalTo(row.expectedDeadline().toString()))
                    .body("regime.key", equalTo(StatutoryRegime.forReceipt(row.receiptDate()).name()));
            return;
        }
        String reference = logRequest(row.type(), row.receivedAt());
        row.events().forEach(event -> clockEvent(reference, event.kind().name(), event.on().toString()));
        dpo().get("/api/requests/{ref}", reference)
                .then().statusCode(200)
                .body("receivedOn", equalTo(row.receiptDate().toString()))
                .body("deadline", equalTo(row.expectedDeadline().toString()))
                .body("regime.key", equalTo(StatutoryRegime.forReceipt(row.receiptDate()).name()));
    }
}
