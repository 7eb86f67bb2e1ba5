package org.dsarflow.deadline;

/** CDI event: the admin replaced the bank-holiday calendar, so stored deadlines may move. */
public record CalendarReplaced(String region) {
}
