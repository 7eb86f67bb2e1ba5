package org.dsarflow.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.QueryParameters;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bank-holiday calendar in force. Stored in the database so an admin's replacement survives a
 * restart; seeded from the bundled gov.uk file the first time the service starts.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    static final String BUNDLED = "bank-holidays.json";

    private final DsarConfig config;
    private final Event<CalendarReplaced> replaced;
    private volatile Map<String, List<BankHoliday>> divisions = Map.of();
    private volatile BankHolidayCalendar calendar;

    private final AuditLog audit;

    CalendarService(DsarConfig config, Event<CalendarReplaced> replaced, AuditLog audit) {
        this.config = config;
        this.replaced = replaced;
        this.audit = audit;
    }

    void onStart(@Observes StartupEvent start) {
        try {
            QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
        } catch (RuntimeException e) {
            // Another node sharing the database seeded it at the same moment: use theirs.
            LOG.infof("Bank-holiday calendar was seeded concurrently (%s); reloading", e.getClass().getSimpleName());
        }
        QuarkusTransaction.requiringNew().run(this::reload);
        if (calendar.holidays().isEmpty()) {
            LOG.warnf("The calendar has no bank holidays for region %s: only weekends move deadlines",
                    config.calendar().region());
        }
    }

    public BankHolidayCalendar calendar() {
        return calendar;
    }

    /** The whole calendar in gov.uk format, every division, as an admin would PUT it back. */
    public JsonNode document() {
        return GovUkBankHolidays.toJson(divisions);
    }

    @Transactional
    public JsonNode replace(JsonNode document) {
        Map<String, List<BankHoliday>> parsed;
        try {
            parsed = GovUkBankHolidays.parse(document);
        } catch (InvalidCalendarException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        String region = config.calendar().region();
        if (!parsed.containsKey(region)) {
            throw new InvalidInputException(region,
                    "The calendar must include the division this service uses: " + region);
        }
        BankHolidayRow.deleteAll();
        store(parsed);
        reload();
        LOG.infof("Bank-holiday calendar replaced: %d divisions, %d holidays for %s",
                parsed.size(), calendar.holidays().size(), region);
        audit.record(null, "CALENDAR_REPLACED", AuditLog.detail("divisions", parsed.size(), "region", region,
                "holidays", calendar.holidays().size()));
        replaced.fire(new CalendarReplaced(region));
        return document();
    }

    public DeadlineAnswer deadlineFor(String receivedOn, String type) {
        if (receivedOn == null || receivedOn.isBlank()) {
            throw new InvalidInputException("receivedOn", "receivedOn is required (YYYY-MM-DD)");
        }
        LocalDate day = QueryParameters.date("receivedOn", receivedOn).orElseThrow();
        RequestType requestType = requestType(type);
        BankHolidayCalendar current = calendar;
        LocalDate deadline = DeadlineCalculator.deadline(day, current);
        LocalDate extended = DeadlineCalculator.extendedDeadline(day, current);
        StatutoryRegime regime = StatutoryRegime.forReceipt(day);
        return new DeadlineAnswer(day, deadline, extended, current.covers(day) && current.covers(extended),
                requestType, regime.summary(),
                requestType == null ? null : regime.clarificationPauses(requestType),
                requestType == null ? null : regime.clarificationNote(requestType));
    }

    private static RequestType requestType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return RequestType.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "type must be one of " + Arrays.toString(RequestType.values()));
        }
    }

    void seedIfEmpty() {
        if (BankHolidayRow.count() > 0) {
            return;
        }
        try (InputStream bundled = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            if (bundled == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the application");
            }
            store(GovUkBankHolidays.parse(bundled));
            BankHolidayRow.flush();
            audit.record(null, "CALENDAR_SEEDED", AuditLog.detail("source", BUNDLED));
            LOG.infof("Bank-holiday calendar seeded from the bundled %s", BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void reload() {
        Map<String, List<BankHoliday>> loaded = new LinkedHashMap<>();
        BankHolidayRow.<BankHolidayRow>list("order by division, date").forEach(row ->
                loaded.computeIfAbsent(row.division, d -> new ArrayList<>())
                        .add(new BankHoliday(row.date, row.title)));
        String region = config.calendar().region();
        divisions = Collections.unmodifiableMap(loaded);
        calendar = new BankHolidayCalendar(region, loaded.getOrDefault(region, List.of()));
    }

    private static void store(Map<String, List<BankHoliday>> parsed) {
        parsed.forEach((division, holidays) ->
                holidays.forEach(holiday -> BankHolidayRow.of(division, holiday).persist()));
    }
}
