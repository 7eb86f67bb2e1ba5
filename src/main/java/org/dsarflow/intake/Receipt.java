package org.dsarflow.intake;

import org.dsarflow.shared.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When a request was received. The clock starts on the receipt date, the local date in the
 * controller's time zone whatever the hour (ICO guidance), so a date alone is enough to log one.
 */
public record Receipt(Instant at, boolean timeKnown, LocalDate on) {

    /** Before the Data Protection Act 2018 came into force there were no such requests to log. */
    static final LocalDate EARLIEST = LocalDate.of(2018, 5, 25);

    static final String FIELD = "receivedAt";

    public static Receipt parse(String text, ZoneId zone) {
        String value = text.strip();
        try {
            OffsetDateTime dateTime = OffsetDateTime.parse(value);
            return new Receipt(dateTime.toInstant(), true, dateTime.atZoneSameInstant(zone).toLocalDate());
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate date = LocalDate.parse(value);
                return new Receipt(date.atStartOfDay(zone).toInstant(), false, date);
            } catch (DateTimeParseException notDate) {
                throw new InvalidInputException(FIELD, FIELD
                        + " must be an ISO date (2025-03-10) or a date-time with offset (2025-03-10T14:05:00Z)");
            }
        }
    }

    /** Rejects a receipt that has not happened yet, or one older than the law it is made under. */
    public Receipt requirePlausible(Instant now, LocalDate today) {
        if (timeKnown ? at.isAfter(now) : on.isAfter(today)) {
            throw new InvalidInputException(FIELD, FIELD + " must not be in the future");
        }
        if (on.isBefore(EARLIEST)) {
            throw new InvalidInputException(FIELD, FIELD + " must not be before " + EARLIEST);
        }
        return this;
    }

    /** As logged: the date alone, or the date-time in the controller's zone. */
    public static String display(Instant at, boolean timeKnown, LocalDate on, ZoneId zone) {
        return timeKnown ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime())
                : on.toString();
    }
}
