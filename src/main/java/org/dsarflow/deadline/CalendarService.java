package org.dsarflow.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.RequestType;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.QueryParameters;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
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
 *
 * <p>Each node keeps a copy in memory, tagged with the {@link CalendarVersion} it was loaded at, and reloads
 * it when the shared version has moved: so nodes on one database share one calendar. Every transaction
 * compares the versions once, by a primary-key read; reads outside a transaction (the deadline calculator,
 * metrics) at most every {@code dsar.calendar.refresh}. A transaction that stores a deadline compares them
 * under a shared lock on the version row that it keeps until it commits, while a replacement holds the
 * exclusive lock: a deadline is never stored on a
 * calendar that a replacement committed meanwhile, and the replacement's recalculation sees every request
 * stored before it. A lock rather than a compare-at-commit, because under READ COMMITTED a replacement
 * committing between the check and the commit would otherwise go unseen by both sides.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    static final String BUNDLED = "bank-holidays.json";
    /** The transaction resource under which a transaction keeps the calendar it checked. */
    private static final Object CHECKED = CalendarService.class.getName() + ".checked";

    private final DsarConfig config;
    private final Event<CalendarReplaced> replaced;
    private final AuditLog audit;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private volatile Loaded loaded = Loaded.NONE;
    /** When this node last compared its copy with the shared version (System.nanoTime). */
    private volatile long checkedAt;

    CalendarService(DsarConfig config, Event<CalendarReplaced> replaced, AuditLog audit,
                    TransactionSynchronizationRegistry transactions, Clock clock) {
        this.config = config;
        this.replaced = replaced;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One calendar as loaded from the database, and the version it was loaded at. */
    private record Loaded(long version, Map<String, List<BankHoliday>> divisions, BankHolidayCalendar calendar) {
        static final Loaded NONE = new Loaded(0, Map.of(), null);
    }

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
        QuarkusTransaction.requiringNew().run(() -> refresh(CalendarVersion.current()));
        if (loaded.calendar().holidays().isEmpty()) {
            LOG.warnf("The calendar has no bank holidays for region %s: only weekends move deadlines",
                    config.calendar().region());
        }
    }

    /** The calendar in force, as this transaction sees it (see {@link #current()}). */
    public BankHolidayCalendar calendar() {
        return current().calendar();
    }

    /**
     * The calendar in force for a deadline this transaction stores: checked against the shared version
     * under a lock held until commit, so no replacement commits in between (see the class comment).
     */
    public BankHolidayCalendar calendarForStoring() {
        return checked(refresh(CalendarVersion.sharedLock())).calendar();
    }

    /** The whole calendar in gov.uk format, every division, as an admin would PUT it back. */
    public JsonNode document() {
        return GovUkBankHolidays.toJson(current().divisions());
    }

    /**
     * The calendar for this transaction: its first use compares this node's copy with the shared version (one
     * primary-key read) and the rest of the transaction keeps that answer, so all its deadlines agree with each
     * other and with those the database holds. Outside a transaction, at most every {@code dsar.calendar.refresh}.
     */
    private Loaded current() {
        if (transactions.getTransactionKey() != null) {
            Loaded checked = (Loaded) transactions.getResource(CHECKED);
            return checked != null ? checked : checked(refresh(CalendarVersion.current()));
        }
        long now = System.nanoTime();
        if (loaded.calendar() == null || now - checkedAt >= config.calendar().refresh().toNanos()) {
            Loaded checked = QuarkusTransaction.requiringNew().call(() -> refresh(CalendarVersion.current()));
            checkedAt = now;
            return checked;
        }
        return loaded;
    }

    /** Remembers the calendar this transaction uses. */
    private Loaded checked(Loaded calendar) {
        transactions.putResource(CHECKED, calendar);
        return calendar;
    }

    /** This node's copy if it is of {@code version}, else the calendar reloaded from the database. */
    private Loaded refresh(long version) {
        Loaded copy = loaded;
        if (copy.version() == version && copy.calendar() != null) {
            return copy;
        }
        Map<String, List<BankHoliday>> read = new LinkedHashMap<>();
        BankHolidayRow.<BankHolidayRow>list("order by division, date").forEach(row ->
                read.computeIfAbsent(row.division, d -> new ArrayList<>())
                        .add(new BankHoliday(row.date, row.title)));
        String region = config.calendar().region();
        Loaded fresh = new Loaded(version, Collections.unmodifiableMap(read),
                new BankHolidayCalendar(region, read.getOrDefault(region, List.of())));
        loaded = fresh;
        if (copy.calendar() != null) {
            LOG.infof("Bank-holiday calendar reloaded: version %d replaces version %d", version, copy.version());
        }
        return fresh;
    }

    /**
     * Replaces the calendar and recalculates the deadlines of open requests, in one transaction. The open
     * requests are locked first, then the version: a transaction storing a deadline locks its request before
     * the version, so taking them in the same order means neither waits for the other in a circle.
     */
    @Transactional
    @RetriedOnConcurrentChange
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
        DsarRequest.lockOpen();
        CalendarVersion version = CalendarVersion.exclusiveLock();
        BankHolidayRow.deleteAll();
        store(parsed);
        BankHolidayRow.flush();
        version.increment(Instant.now(clock));
        Loaded replacement = checked(refresh(version.number));
        BankHolidayCalendar calendar = replacement.calendar();
        forgetIfRolledBack();
        LOG.infof("Bank-holiday calendar replaced: %d divisions, %d holidays for %s",
                parsed.size(), calendar.holidays().size(), region);
        audit.record(null, "CALENDAR_REPLACED", AuditLog.detail("divisions", parsed.size(), "region", region,
                "holidays", calendar.holidays().size()));
        replaced.fire(new CalendarReplaced(region));
        return GovUkBankHolidays.toJson(replacement.divisions());
    }

    public DeadlineAnswer deadlineFor(String receivedOn, String type) {
        if (receivedOn == null || receivedOn.isBlank()) {
            throw new InvalidInputException("receivedOn", "receivedOn is required (YYYY-MM-DD)");
        }
        LocalDate day = QueryParameters.date("receivedOn", receivedOn).orElseThrow();
        RequestType requestType = requestType(type);
        BankHolidayCalendar current = calendar();
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

    /** Seeds the calendar once, under the version lock: a second node starting at the same time waits, then sees it. */
    void seedIfEmpty() {
        CalendarVersion version = CalendarVersion.exclusiveLock();
        if (BankHolidayRow.count() > 0) {
            return;
        }
        try (InputStream bundled = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED)) {
            if (bundled == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the application");
            }
            store(GovUkBankHolidays.parse(bundled));
            BankHolidayRow.flush();
            version.increment(Instant.now(clock));
            audit.record(null, "CALENDAR_SEEDED", AuditLog.detail("source", BUNDLED));
            LOG.infof("Bank-holiday calendar seeded from the bundled %s", BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This node published the new calendar before its transaction committed, so that the recalculation in the
     * same transaction uses it. Should the transaction roll back, the copy goes: the next use reloads.
     */
    private void forgetIfRolledBack() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    loaded = Loaded.NONE;
                }
            }
        });
    }

    private static void store(Map<String, List<BankHoliday>> parsed) {
        parsed.forEach((division, holidays) ->
                holidays.forEach(holiday -> BankHolidayRow.of(division, holiday).persist()));
    }
}
