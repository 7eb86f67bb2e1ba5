package org.dsarflow.deadline;

import org.dsarflow.intake.ClockState;
import org.dsarflow.intake.RequestType;

import static org.dsarflow.deadline.ClockEventRejectedException.Reason.ALREADY_EXTENDED;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.ALREADY_PAUSED;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.ALREADY_STOPPED_FOR_AUTHORITY;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.ALREADY_STOPPED_FOR_FEE;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.ALREADY_STOPPED_FOR_IDENTITY;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.CLOCK_STOPPED;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.EXTENSION_TOO_LATE;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.NOT_PAUSED;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.NOT_STOPPED_FOR_AUTHORITY;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.NOT_STOPPED_FOR_FEE;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.NOT_STOPPED_FOR_IDENTITY;
import static org.dsarflow.deadline.ClockEventRejectedException.Reason.OUT_OF_ORDER;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statutory clock of one request: its receipt date and the events recorded against it, in date order.
 * Immutable; {@link #apply} returns a new clock or rejects an event that contradicts the current state.
 *
 * <ul>
 *   <li>Asking for identity, a fee or a representative's authority stops the clock. Once everything asked for has arrived, a fresh month runs
 *       from that day (ICO: the time limit starts when the information or fee is received).</li>
 *   <li>Asking for clarification pauses the clock; the days from the request to the answer, both inclusive,
 *       are added to the end of the period. Under {@link StatutoryRegime#ARTICLE_12A} only an access request
 *       pauses: for any other type the clarification is recorded and the clock keeps running.</li>
 *   <li>An extension, notified within the first month (paused days not counted), makes the period three
 *       months (Art. 12(3), Art 12A(4)).</li>
 * </ul>
 * The regime is the one in force on the receipt date ({@link StatutoryRegime#forReceipt}).
 */
public final class RequestClock {

    private final LocalDate receivedOn;
    private final RequestType type;
    private final StatutoryRegime regime;
    private final List<ClockEvent> events;
    private final LocalDate clockStartedOn;
    private final Set<ClockStop> awaiting;
    private final int closedPauseDays;
    private final LocalDate pausedSince;
    private final boolean extended;
    /** First day of an open clarification that does not stop the clock; null unless one is open. */
    private final LocalDate askedToClarifySince;
    /** Whether a clarification was asked for that left the clock running. */
    private final boolean clarifiedWhileRunning;

    private RequestClock(LocalDate receivedOn, RequestType type, List<ClockEvent> events, LocalDate clockStartedOn,
            Set<ClockStop> awaiting, int closedPauseDays, LocalDate pausedSince, boolean extended,
            LocalDate askedToClarifySince, boolean clarifiedWhileRunning) {
        this.receivedOn = receivedOn;
        this.type = type;
        this.regime = StatutoryRegime.forReceipt(receivedOn);
        this.events = List.copyOf(events);
        this.clockStartedOn = clockStartedOn;
        this.awaiting = ClockReading.stops(awaiting);
        this.closedPauseDays = closedPauseDays;
        this.pausedSince = pausedSince;
        this.extended = extended;
        this.askedToClarifySince = askedToClarifySince;
        this.clarifiedWhileRunning = clarifiedWhileRunning;
    }

    /**
     * The clock of a request of this type, running from the receipt date, which is day one whatever the hour
     * or day of the week.
     */
    public static RequestClock startedOn(LocalDate receivedOn, RequestType type) {
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(type, "type");
        return new RequestClock(receivedOn, type, List.of(), receivedOn, Set.of(), 0, null, false, null, false);
    }

    /** The clock of an access request, which every regime pauses for clarification. */
    public static RequestClock startedOn(LocalDate receivedOn) {
        return startedOn(receivedOn, RequestType.ACCESS);
    }

    /** The clock after applying every event in order; rejects as {@link #apply} does. */
    public static RequestClock replay(LocalDate receivedOn, RequestType type, List<ClockEvent> events,
            BankHolidayCalendar calendar) {
        RequestClock clock = startedOn(receivedOn, type);
        for (ClockEvent event : events) {
            clock = clock.apply(event, calendar);
        }
        return clock;
    }

    /** The clock of an access request after every event in order. */
    public static RequestClock replay(LocalDate receivedOn, List<ClockEvent> events, BankHolidayCalendar calendar) {
        return replay(receivedOn, RequestType.ACCESS, events, calendar);
    }

    /**
     * The clock of events already recorded. Each was accepted when it was recorded, so an extension
     * stands even if a later calendar change would have made its notice late.
     */
    public static RequestClock restore(LocalDate receivedOn, RequestType type, List<ClockEvent> recorded,
            BankHolidayCalendar calendar) {
        RequestClock clock = startedOn(receivedOn, type);
        for (ClockEvent event : recorded) {
            clock = clock.apply(event, calendar, false);
        }
        return clock;
    }

    /** The clock of an access request's recorded events. */
    public static RequestClock restore(LocalDate receivedOn, List<ClockEvent> recorded, BankHolidayCalendar calendar) {
        return restore(receivedOn, RequestType.ACCESS, recorded, calendar);
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    /** Whether a clarification has been asked for and not yet answered, whether or not it stopped the clock. */
    public boolean awaitingClarification() {
        return pausedSince != null || askedToClarifySince != null;
    }

    /** The rules the clock runs by: those in force on the receipt date. */
    public StatutoryRegime regime() {
        return regime;
    }

    /** The events applied so far, in the order applied. */
    public List<ClockEvent> events() {
        return events;
    }

    /**
     * The clock after this event.
     *
     * @throws ClockEventRejectedException if the event contradicts the clock's state or predates the last event
     */
    public RequestClock apply(ClockEvent event, BankHolidayCalendar calendar) {
        return apply(event, calendar, true);
    }

    private RequestClock apply(ClockEvent event, BankHolidayCalendar calendar, boolean checkNoticeTime) {
        Objects.requireNonNull(event, "event");
        if (!events.isEmpty() && event.on().isBefore(events.get(events.size() - 1).on())) {
            throw new ClockEventRejectedException(OUT_OF_ORDER,
                    event.kind() + " on " + event.on() + " is dated before the last recorded event");
        }
        return switch (event.kind()) {
            case IDENTITY_REQUESTED -> stop(ClockStop.IDENTITY, event);
            case FEE_REQUESTED -> stop(ClockStop.FEE, event);
            case AUTHORITY_REQUESTED -> stop(ClockStop.AUTHORITY, event);
            case IDENTITY_CONFIRMED -> resolve(ClockStop.IDENTITY, event);
            case FEE_RECEIVED -> resolve(ClockStop.FEE, event);
            case AUTHORITY_RECEIVED -> resolve(ClockStop.AUTHORITY, event);
            case CLARIFICATION_REQUESTED -> pause(event);
            case CLARIFICATION_RECEIVED -> resume(event);
            case EXTENSION_NOTIFIED -> extend(event, calendar, checkNoticeTime);
        };
    }

    /** The clock as it stands on {@code today}; an open pause is counted as if the clarification came today. */
    public ClockReading read(BankHolidayCalendar calendar, LocalDate today) {
        String note = clarifiedWhileRunning ? regime.clarificationNote(type) : null;
        if (isStopped()) {
            return new ClockReading(ClockState.STOPPED, receivedOn, null, null, null, extended, 0, null, awaiting,
                    regime, note);
        }
        int pausedDays = closedPauseDays + openPauseDays(today);
        LocalDate oneMonth = DeadlineCalculator.due(clockStartedOn, pausedDays, false, calendar);
        LocalDate deadline = extended ? DeadlineCalculator.due(clockStartedOn, pausedDays, true, calendar) : oneMonth;
        ClockState state = pausedSince == null ? ClockState.RUNNING : ClockState.PAUSED;
        return new ClockReading(state, receivedOn, clockStartedOn, deadline, oneMonth, extended, pausedDays,
                pausedSince, Set.of(), regime, note);
    }

    private RequestClock stop(ClockStop stop, ClockEvent event) {
        if (awaiting.contains(stop)) {
            throw new ClockEventRejectedException(switch (stop) {
                case IDENTITY -> ALREADY_STOPPED_FOR_IDENTITY;
                case FEE -> ALREADY_STOPPED_FOR_FEE;
                case AUTHORITY -> ALREADY_STOPPED_FOR_AUTHORITY;
            }, describe(stop) + " has already been requested and not yet received");
        }
        if (pausedSince != null) {
            throw new ClockEventRejectedException(ALREADY_PAUSED,
                    "the clock is paused for clarification; record the clarification before requesting "
                            + describe(stop));
        }
        Set<ClockStop> nowAwaiting = EnumSet.of(stop);
        nowAwaiting.addAll(awaiting);
        return next(event, clockStartedOn, nowAwaiting, closedPauseDays, null, extended);
    }

    private RequestClock resolve(ClockStop stop, ClockEvent event) {
        if (!awaiting.contains(stop)) {
            throw new ClockEventRejectedException(switch (stop) {
                case IDENTITY -> NOT_STOPPED_FOR_IDENTITY;
                case FEE -> NOT_STOPPED_FOR_FEE;
                case AUTHORITY -> NOT_STOPPED_FOR_AUTHORITY;
            }, describe(stop) + " has not been requested");
        }
        Set<ClockStop> stillAwaiting = EnumSet.noneOf(ClockStop.class);
        stillAwaiting.addAll(awaiting);
        stillAwaiting.remove(stop);
        if (!stillAwaiting.isEmpty()) {
            return next(event, clockStartedOn, stillAwaiting, closedPauseDays, null, extended);
        }
        // A fresh period runs from the day the last thing asked for arrived; pauses of the old period are spent.
        // An extension already notified still applies to the new period.
        return next(event, event.on(), stillAwaiting, 0, null, extended);
    }

    private RequestClock pause(ClockEvent event) {
        if (isStopped()) {
            throw new ClockEventRejectedException(CLOCK_STOPPED, stoppedMessage("a clarification request"));
        }
        LocalDate openSince = pausedSince != null ? pausedSince : askedToClarifySince;
        if (openSince != null) {
            throw new ClockEventRejectedException(ALREADY_PAUSED,
                    "clarification has already been requested (since " + openSince + ") and not yet received");
        }
        if (!regime.clarificationPauses(type)) {
            return next(event, clockStartedOn, awaiting, closedPauseDays, null, extended, event.on(), true);
        }
        return next(event, clockStartedOn, awaiting, closedPauseDays, event.on(), extended);
    }

    private RequestClock resume(ClockEvent event) {
        if (askedToClarifySince != null) {
            return next(event, clockStartedOn, awaiting, closedPauseDays, null, extended, null, true);
        }
        if (pausedSince == null) {
            throw new ClockEventRejectedException(NOT_PAUSED, "no clarification request is open");
        }
        return next(event, clockStartedOn, awaiting, closedPauseDays + openPauseDays(event.on()), null, extended);
    }

    private RequestClock extend(ClockEvent event, BankHolidayCalendar calendar, boolean checkNoticeTime) {
        if (isStopped()) {
            throw new ClockEventRejectedException(CLOCK_STOPPED, stoppedMessage("an extension"));
        }
        if (extended) {
            throw new ClockEventRejectedException(ALREADY_EXTENDED, "the deadline has already been extended once");
        }
        // Art. 12(3), Art 12A(4): the data subject must be told of the extension within the first month, whose
        // end the paused days push back (Art 12A(5)(b)).
        LocalDate oneMonthDeadline = read(calendar, event.on()).oneMonthDeadline();
        if (checkNoticeTime && event.on().isAfter(oneMonthDeadline)) {
            throw new ClockEventRejectedException(EXTENSION_TOO_LATE, "an extension notified on " + event.on()
                    + " is too late: it had to be notified by the deadline of " + oneMonthDeadline);
        }
        return next(event, clockStartedOn, awaiting, closedPauseDays, pausedSince, true);
    }

    private RequestClock next(ClockEvent event, LocalDate clockStartedOn, Set<ClockStop> awaiting,
            int closedPauseDays, LocalDate pausedSince, boolean extended) {
        return next(event, clockStartedOn, awaiting, closedPauseDays, pausedSince, extended, askedToClarifySince,
                clarifiedWhileRunning);
    }

    private RequestClock next(ClockEvent event, LocalDate clockStartedOn, Set<ClockStop> awaiting,
            int closedPauseDays, LocalDate pausedSince, boolean extended, LocalDate askedToClarifySince,
            boolean clarifiedWhileRunning) {
        List<ClockEvent> withEvent = new ArrayList<>(events);
        withEvent.add(event);
        return new RequestClock(receivedOn, type, withEvent, clockStartedOn, awaiting, closedPauseDays, pausedSince,
                extended, askedToClarifySince, clarifiedWhileRunning);
    }

    private boolean isStopped() {
        return !awaiting.isEmpty();
    }

    /** Days A..day inclusive of the open pause; none before it began (a reading dated before the pause). */
    private int openPauseDays(LocalDate day) {
        if (pausedSince == null) {
            return 0;
        }
        return (int) Math.max(0, ChronoUnit.DAYS.between(pausedSince, day) + 1);
    }

    private String stoppedMessage(String what) {
        return "the clock is stopped awaiting "
                + awaiting.stream().map(RequestClock::describe).collect(Collectors.joining(" and "))
                + "; " + what + " cannot be recorded until it restarts";
    }

    private static String describe(ClockStop stop) {
        return switch (stop) {
            case IDENTITY -> "proof of identity";
            case FEE -> "the fee";
            case AUTHORITY -> "the authority to act for the data subject";
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestClock clock
                && receivedOn.equals(clock.receivedOn)
                && type == clock.type
                && events.equals(clock.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(receivedOn, type, events);
    }

    @Override
    public String toString() {
        return "RequestClock[receivedOn=" + receivedOn + ", type=" + type + ", events=" + events + "]";
    }
}
