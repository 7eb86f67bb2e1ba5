package org.dsarflow.intake;

import org.dsarflow.deadline.ClockState;
import org.dsarflow.deadline.ClockStop;
import org.dsarflow.subject.MatchStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A request as DPO staff and auditors see it. Holds no personal data: no requester contact details,
 * no identifiers.
 */
public record RequestView(
        String reference,
        RequestType type,
        RequestStatus status,
        Channel channel,
        String receivedAt,
        LocalDate receivedOn,
        LocalDate clockStartedOn,
        LocalDate deadline,
        boolean extended,
        Clock clock,
        boolean overdue,
        boolean dueSoon,
        Match match,
        String outcome) {

    /** {@code candidates} is null for auditors: which records matched is for the DPO to see. */
    public record Match(MatchStatus status, List<MatchedRecord> candidates) {
    }

    /** The view an auditor gets: the match status, not who matched. */
    public RequestView forAuditor() {
        return match == null ? this : new RequestView(reference, type, status, channel, receivedAt, receivedOn,
                clockStartedOn, deadline, extended, clock, overdue, dueSoon, new Match(match.status(), null), outcome);
    }


    /**
     * {@code pausedDays} counts clarification days, an open pause up to today; {@code pausedSince} is
     * set while paused; {@code awaiting} names what a stopped clock waits for.
     */
    public record Clock(ClockState state, int pausedDays, LocalDate pausedSince, Set<ClockStop> awaiting) {
    }
}
