package org.dsarflow.web.page;

import jakarta.ws.rs.core.MultivaluedMap;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date as the GOV.UK date input sends it: three fields, {@code <name>-day}, {@code <name>-month} and
 * {@code <name>-year}. Whether the date is acceptable (not in the future, not before the request) is the
 * service's to say; here it is only read.
 */
final class DateFields {

    private DateFields() {
    }

    /** The date, or null when the fields are blank or make no real date (the body's validation then names it). */
    static LocalDate date(MultivaluedMap<String, String> form, String name) {
        String text = text(form, name);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The fields as an ISO date's text, 2025-03-07 from 7, 3 and 2025, for a body that takes a date as text and
     * checks it itself; as typed when they are no date, so the check refuses it; null when all are blank.
     */
    static String text(MultivaluedMap<String, String> form, String name) {
        String day = field(form, name + "-day");
        String month = field(form, name + "-month");
        String year = field(form, name + "-year");
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        return year + "-" + twoDigits(month) + "-" + twoDigits(day);
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String twoDigits(String value) {
        return value.length() == 1 ? "0" + value : value;
    }
}
