package org.dsarflow.deadline;

import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.RecordedClock;
import org.dsarflow.intake.RequestStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A request's clock as read on one day.
 *
 * @param clockStartedOn   start of the current period: the receipt date, or the day identity / fee arrived;
 *                         null while stopped
 * @param deadline         the day the response is due, extended if an extension was notified; null while stopped
 * @param oneMonthDeadline the deadline without the extension; null while stopped
 * @param pausedDays       days added for clarification, counting an open pause as if it ended on the reading day
 * @param pausedSince      first day of the open clarification pause; null unless paused
 * @param awaiting         what a stopped clock waits for; empty unless stopped
 * @param regime           the rules the clock runs by, those in force on the receipt date
 * @param note             why the clock runs as it does where a reader might expect otherwise (a clarification
 *                         that left it running, Art 12A(5)); null when there is nothing to say
 */
public record ClockReading(
        ClockState state,
        LocalDate receivedOn,
        LocalDate clockStartedOn,
        LocalDate deadline,
        LocalDate oneMonthDeadline,
        boolean extended,
        int pausedDays,
        LocalDate pausedSince,
        Set<ClockStop> awaiting,
        StatutoryRegime regime,
        String note) {

    public ClockReading {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(regime, "regime");
        awaiting = stops(awaiting);
    }

    /** A reading under the regime of its receipt date, with nothing to note. */
    public ClockReading(ClockState state, LocalDate receivedOn, LocalDate clockStartedOn, LocalDate deadline,
            LocalDate oneMonthDeadline, boolean extended, int pausedDays, LocalDate pausedSince,
            Set<ClockStop> awaiting) {
        this(state, receivedOn, clockStartedOn, deadline, oneMonthDeadline, extended, pausedDays, pausedSince,
                awaiting, StatutoryRegime.forReceipt(receivedOn), null);
    }

    /** Running and past its deadline. A paused clock is never overdue: its deadline moves on every day. */
    public boolean overdue(LocalDate today) {
        return state == ClockState.RUNNING && today.isAfter(deadline);
    }

    /** Running, not yet overdue, with at most {@code workingDays} working days left after today. */
    public boolean dueSoon(LocalDate today, BankHolidayCalendar calendar, int workingDays) {
        return state == ClockState.RUNNING
                && !overdue(today)
                && calendar.workingDaysAfter(today, deadline) <= workingDays;
    }

    /**
     * The status an open request has while its clock reads so: waiting for identity, a representative's
     * authority, a fee or a clarification, and otherwise in progress, or awaiting the DPO's review of a proposed decision.
     */
    public RequestStatus openStatus(boolean awaitingReview) {
        return switch (state) {
            case RUNNING -> awaitingReview ? RequestStatus.AWAITING_REVIEW : RequestStatus.IN_PROGRESS;
            case PAUSED -> RequestStatus.AWAITING_CLARIFICATION;
            case STOPPED -> awaiting.contains(ClockStop.IDENTITY) ? RequestStatus.AWAITING_IDENTITY
                    : awaiting.contains(ClockStop.AUTHORITY) ? RequestStatus.AWAITING_AUTHORITY
                    : RequestStatus.AWAITING_FEE;
        };
    }

    /** The reading as the request keeps it. */
    public RecordedClock recorded() {
        return new RecordedClock(state, clockStartedOn, deadline, extended, pausedDays);
    }

    /** An unmodifiable set in declaration order, so that readings serialise the same way every time. */
    static Set<ClockStop> stops(Collection<ClockStop> stops) {
        EnumSet<ClockStop> copy = EnumSet.noneOf(ClockStop.class);
        if (stops != null) {
            copy.addAll(stops);
        }
        return Collections.unmodifiableSet(copy);
    }
}
