package org.dsarflow.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The working days of one region: every day except Saturdays, Sundays and the region's bank holidays.
 * A deadline falling on a non-working day moves to the next working day (ICO guidance on Art. 12(3)).
 */
public final class BankHolidayCalendar {

    private final String region;
    private final List<BankHoliday> holidays;
    private final Set<LocalDate> holidayDates;

    public BankHolidayCalendar(String region, Collection<BankHoliday> holidays) {
        this.region = Objects.requireNonNull(region, "region");
        List<BankHoliday> sorted = new ArrayList<>(holidays);
        sorted.sort(Comparator.comparing(BankHoliday::date));
        Set<LocalDate> dates = new HashSet<>();
        for (BankHoliday holiday : sorted) {
            if (!dates.add(holiday.date())) {
                throw new InvalidCalendarException(
                        "region '" + region + "' lists " + holiday.date() + " as a bank holiday more than once");
            }
        }
        this.holidays = List.copyOf(sorted);
        this.holidayDates = Set.copyOf(dates);
    }

    public String region() {
        return region;
    }

    /** The bank holidays, earliest first. */
    public List<BankHoliday> holidays() {
        return holidays;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidayDates.contains(date);
    }

    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The number of working days d with {@code from < d <= to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
    }

    /**
     * Whether the calendar can be trusted for this date: its year lies between the first and last years
     * with at least one holiday. Outside that range every weekday would silently count as a working day.
     */
    public boolean covers(LocalDate date) {
        if (holidays.isEmpty()) {
            return false;
        }
        int year = date.getYear();
        return year >= firstYear().orElseThrow() && year <= lastYear().orElseThrow();
    }

    public Optional<Integer> firstYear() {
        return holidays.isEmpty() ? Optional.empty() : Optional.of(holidays.get(0).date().getYear());
    }

    public Optional<Integer> lastYear() {
        return holidays.isEmpty() ? Optional.empty() : Optional.of(holidays.get(holidays.size() - 1).date().getYear());
    }

    @Override
    public String toString() {
        return "BankHolidayCalendar[" + region + ", " + holidays.size() + " holidays]";
    }
}
