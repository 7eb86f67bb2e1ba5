package org.dsarflow.deadline;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.anonymous;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.equalTo;

/**
 * A calendar another node replaced, written straight into the shared database as that node's transaction
 * would write it: this node stores and shows the new deadlines from its next transaction on, and answers
 * the deadline question with it within {@code dsar.calendar.refresh}. (TwoNodesIT runs two real nodes on
 * PostgreSQL.)
 */
@QuarkusTest
class CalendarOfAnotherNodeTest {

    /** A Monday whose one-month deadline, a Wednesday, is no bank holiday. */
    private static final String RECEIVED_ON = "2020-06-08";
    private static final LocalDate DEADLINE = LocalDate.parse("2020-07-08");
    private static final Duration REFRESH_BOUND = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReplacementCommittedByAnotherNodeIsUsedByTheNextTransaction() throws Exception {
        Map<String, Object> original = anonymous().get("/api/calendar/holidays").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(deadlineQuestion()).isEqualTo(DEADLINE.toString());
        try {
            replacedElsewhere("INSERT INTO dsar_bank_holiday (division, holiday_date, title) VALUES (?, ?, ?)",
                    "england-and-wales", DEADLINE, "Holiday added by another node");

            String reference = logRequest("ACCESS", RECEIVED_ON);
            String moved = DEADLINE.plusDays(1).toString();
            dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                    .body("deadline", equalTo(moved));
            assertThat(dueBefore(moved)).as("the stored deadline").doesNotContain(reference);
            assertThat(dueBefore(DEADLINE.plusDays(2).toString())).as("the stored deadline").contains(reference);
            assertThat(within(() -> deadlineQuestion().equals(moved))).as("the deadline question").isTrue();
        } finally {
            admin().body(original).put("/api/calendar/holidays").then().statusCode(200);
        }
        assertThat(deadlineQuestion()).isEqualTo(DEADLINE.toString());
    }

    /** One transaction that changes the holidays and moves the version on, as CalendarService.replace does. */
    private void replacedElsewhere(String change, String division, LocalDate date, String title) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement holiday = connection.prepareStatement(change);
                 PreparedStatement version = connection.prepareStatement(
                         "UPDATE dsar_calendar_version SET version_number = version_number + 1 WHERE id = 1")) {
                holiday.setString(1, division);
                holiday.setObject(2, date);
                holiday.setString(3, title);
                holiday.executeUpdate();
                assertThat(version.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }

    private static String deadlineQuestion() {
        return dpo().get("/api/calendar/deadline?receivedOn={day}", RECEIVED_ON).then().statusCode(200)
                .extract().path("deadline");
    }

    private static List<String> dueBefore(String date) {
        return dpo().get("/api/requests?type=ACCESS&dueBefore={date}&size=200", date).then().statusCode(200)
                .extract().jsonPath().getList("items.reference");
    }

    private static boolean within(BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(REFRESH_BOUND);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
