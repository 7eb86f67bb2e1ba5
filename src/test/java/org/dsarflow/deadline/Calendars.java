package org.dsarflow.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;

/** Calendars for tests: the bundled England and Wales calendar, and small hand-made ones. */
final class Calendars {

    private Calendars() {
    }

    static BankHolidayCalendar englandAndWales() {
        try (InputStream in = Calendars.class.getResourceAsStream("/bank-holidays.json")) {
            if (in == null) {
                throw new IllegalStateException("bank-holidays.json is not on the classpath");
            }
            return new BankHolidayCalendar("england-and-wales", GovUkBankHolidays.parse(in).get("england-and-wales"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BankHolidayCalendar withHolidays(String... isoDates) {
        return new BankHolidayCalendar("test", Arrays.stream(isoDates)
                .map(date -> new BankHoliday(LocalDate.parse(date), "Holiday " + date))
                .toList());
    }
}
