package org.dsarflow.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.deadline.CalendarService;
import org.dsarflow.deadline.DeadlineCheck;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.DsarConfig;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The daily deadline check of an open request: whether the DPO mailbox is to be reminded, or told that the
 * deadline was missed, each once per deadline. The process sends the email the answer calls for.
 */
@ApplicationScoped
public class DeadlineNotices {

    private final CalendarService calendars;
    private final DsarConfig config;
    private final AuditLog audit;

    DeadlineNotices(CalendarService calendars, DsarConfig config, AuditLog audit) {
        this.calendars = calendars;
        this.config = config;
        this.audit = audit;
    }

    /** Checks the request's deadline as of {@code now} (the engine's clock) and records what is due. */
    @Transactional
    public DeadlineCheck check(String reference, Instant now) {
        DsarRequest request = DsarRequest.require(reference);
        if (request.status.isClosed()) {
            return DeadlineCheck.NONE;
        }
        LocalDate today = now.atZone(config.timeZone()).toLocalDate();
        DeadlineCheck check = DeadlineCheck.on(today, request.deadline, calendars.calendar(),
                config.dueSoonWorkingDays(), request.remindedFor, request.escalatedFor);
        switch (check) {
            case REMIND -> {
                request.remindedOfDeadline();
                audit.record(reference, "DEADLINE_REMINDER_DUE", AuditLog.detail("deadline", request.deadline));
            }
            case ESCALATE -> {
                request.deadlineMissed();
                audit.record(reference, "DEADLINE_MISSED", AuditLog.detail("deadline", request.deadline));
            }
            case NONE -> {
                // Nothing due today.
            }
        }
        return check;
    }
}
