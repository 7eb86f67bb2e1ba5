package org.dsarflow.complaint;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dsarflow.Api;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.auditor;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** dsar.retention.closed-complaint: a closed complaint keeps its complainant's details and words that long. */
@QuarkusTest
class ComplaintRetentionTest {

    @Inject
    ComplaintRetention retention;

    @Test
    void theComplainantsDetailsAndWordsGoOnceTheClosedComplaintsRetentionHasRunOutAndTheCountsStay() {
        String open = Api.logComplaint();
        String closed = Api.logComplaint();
        dpo().body(Map.of("note", "Asked the study team", "tellComplainant", false))
                .post("/api/complaints/{ref}/updates", closed).then().statusCode(200);
        dpo().body(Map.of("outcome", "NOT_UPHELD", "summary", "Answered in time", "actions", "None needed"))
                .post("/api/complaints/{ref}/outcome", closed).then().statusCode(200);

        assertThat(retention.deleteExpired(Clock.systemUTC())).isZero();
        Clock later = Clock.fixed(Instant.now().atZone(ZoneOffset.UTC).plus(Period.ofYears(2)).plusDays(2).toInstant(),
                ZoneOffset.UTC);
        assertThat(retention.deleteExpired(later)).isGreaterThanOrEqualTo(1);

        dpo().get("/api/complaints/{ref}", closed).then()
                .body("complainant", nullValue())
                .body("summary", nullValue())
                .body("updates.note", everyItem(nullValue()))
                .body("outcome.summary", nullValue())
                .body("outcome.outcome", org.hamcrest.Matchers.equalTo("NOT_UPHELD"))
                .body("personalDataDeletedAt", notNullValue());
        dpo().get("/api/complaints/{ref}", open).then()
                .body("complainant.name", notNullValue())
                .body("personalDataDeletedAt", nullValue());
        auditor().get("/api/complaints/{ref}/history", closed).then()
                .body("action", hasItem("PERSONAL_DATA_DELETED"));
    }
}
