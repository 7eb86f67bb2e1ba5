package org.dsarflow.deadline;

import java.time.LocalDate;
import java.util.Objects;

/** One bank holiday of a calendar region, as published on gov.uk. */
public record BankHoliday(LocalDate date, String title) {

    public BankHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
    }
}
