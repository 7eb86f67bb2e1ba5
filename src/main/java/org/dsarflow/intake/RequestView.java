package org.dsarflow.intake;

import org.dsarflow.deadline.ClockState;
import org.dsarflow.deadline.ClockStop;

import java.time.LocalDate;
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
        boolean dueSoon) {

    /**
     * {@code pausedDays} counts clarification days, an open pause up to today; {@code pausedSince} is
     * set while paused; {@code awaiting} names what a stopped clock waits for.
     */
    public record Clock(ClockState state, int pausedDays, LocalDate pausedSince, Set<ClockStop> awaiting) {
    }
}
