package org.dsarflow.complaint;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * s.164A(3) DPA 2018: a complaint is acknowledged within the 30 days beginning with the day it was received,
 * so the last day is the receipt date plus 29 (received 1 June, due 30 June). The statute counts days, not
 * working days: a due date on a weekend or bank holiday stays where it falls. The receipt date is the
 * controller's local date, as for requests ({@link org.dsarflow.intake.Receipt}).
 */
public record AcknowledgementDeadline(LocalDate receivedOn) {

    /** The days of the period, the receipt day the first of them. */
    public static final int DAYS = 30;

    /** The DPO mailbox is told this many days before the last day if the acknowledgement has not gone. */
    public static final int ESCALATE_DAYS_BEFORE = 5;

    /** The last day on which the acknowledgement is in time. */
    public LocalDate due() {
        return receivedOn.plusDays(DAYS - 1);
    }

    /** The day the DPO mailbox hears of an acknowledgement still not given. */
    public LocalDate escalatesOn() {
        return due().minusDays(ESCALATE_DAYS_BEFORE);
    }

    /** Acknowledged on {@code acknowledgedOn}, on or before the last day. */
    public boolean metInTime(LocalDate acknowledgedOn) {
        return acknowledgedOn != null && !acknowledgedOn.isAfter(due());
    }

    /** Not acknowledged yet, and the last day has passed in {@code zone} by {@code clock}. */
    public boolean overdue(LocalDate acknowledgedOn, Clock clock, ZoneId zone) {
        return acknowledgedOn == null && LocalDate.now(clock.withZone(zone)).isAfter(due());
    }
}
