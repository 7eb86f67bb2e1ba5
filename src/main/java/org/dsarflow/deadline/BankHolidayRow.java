package org.dsarflow.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;

/** One bank holiday of one gov.uk division, as the admin last supplied the calendar. */
@Entity
@Table(name = "dsar_bank_holiday")
@IdClass(BankHolidayRow.Key.class)
public class BankHolidayRow extends PanacheEntityBase {

    @Id
    public String division;

    @Id
    @Column(name = "holiday_date")
    public LocalDate date;

    public String title;

    public record Key(String division, LocalDate date) implements Serializable {
    }

    static BankHolidayRow of(String division, BankHoliday holiday) {
        BankHolidayRow row = new BankHolidayRow();
        row.division = division;
        row.date = holiday.date();
        row.title = holiday.title();
        return row;
    }
}
