package org.dsarflow.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.dpo;
import static org.dsarflow.Api.logRequest;
import static org.hamcrest.Matchers.hasItem;

/** Closed requests keep their requester's personal data for the retention period (two years), then lose it. */
@QuarkusTest
class RetentionTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    RetentionService retention;

    @Test
    void theRetentionPeriodRunsInCalendarTermsFromTheClose() {
        Instant closedBefore = ClosedRequestRetention.closedBefore(
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC), LONDON, Period.ofYears(2));
        assertThat(closedBefore).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
    }

    @Test
    void aRequestClosedLongerThanTheRetentionLosesItsRequestersPersonalDataOnceWithAnAuditEntry() {
        String closedLongAgo = cancelled("2025-03-10");
        String open = logRequest("ACCESS", "2025-03-10");
        Instant closedAt = QuarkusTransaction.requiringNew().call(() -> DsarRequest.require(closedLongAgo).closedAt);

        assertThat(retention.deleteExpired(at(closedAt.plus(Period.ofDays(729))))).isZero();
        assertThat(personalDataOf(closedLongAgo)).isNotEmpty();

        Clock twoYearsOn = at(closedAt.atZone(LONDON).plusYears(2).plusMinutes(1).toInstant());
        assertThat(retention.deleteExpired(twoYearsOn)).isPositive();
        assertThat(personalDataOf(closedLongAgo)).isEmpty();
        assertThat(personalDataOf(open)).isNotEmpty();
        assertThat(retention.deleteExpired(twoYearsOn)).isZero();

        dpo().get("/api/requests/{ref}/history", closedLongAgo).then().statusCode(200)
                .body("action", hasItem("PERSONAL_DATA_DELETED"));
        dpo().get("/api/requests/{ref}", closedLongAgo).then().statusCode(200);
    }

    private static String cancelled(String receivedOn) {
        String reference = logRequest("ERASURE", receivedOn);
        dpo().body(Map.of("reason", "Requester withdrew the request")).post("/api/requests/{ref}/cancel", reference)
                .then().statusCode(200);
        return reference;
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** The requester's personal data still on the request: contact details, identifiers, free text. */
    private static List<Object> personalDataOf(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DsarRequest request = DsarRequest.require(reference);
            List<Object> held = new ArrayList<>();
            // Hibernate reads an embedded value whose columns are all null as no object at all.
            Requester requester = request.requester == null ? new Requester() : request.requester;
            for (Object value : new Object[] {requester.name, requester.email, requester.phone,
                    requester.postalAddress, request.details, request.cancellationReason}) {
                if (value != null) {
                    held.add(value);
                }
            }
            held.addAll(request.identifiers.values());
            return held;
        });
    }
}
