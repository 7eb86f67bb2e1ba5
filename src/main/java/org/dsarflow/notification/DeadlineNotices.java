package org.dsarflow.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.deadline.CalendarService;
import org.dsarflow.deadline.DeadlineCheck;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.DsarConfig;

import java.time.Instant;
import java.time.LocalDate;

/** The daily deadline check of an open request: reminds the DPO mailbox, or escalates a missed deadline. */
@ApplicationScoped
public class DeadlineNotices {

    private final Event<EmailDue> emails;
    private final CalendarService calendars;
    private final DsarConfig config;
    private final AuditLog audit;

    DeadlineNotices(Event<EmailDue> emails, CalendarService calendars, DsarConfig config, AuditLog audit) {
        this.emails = emails;
        this.calendars = calendars;
        this.config = config;
        this.audit = audit;
    }

    /** Checks the request's deadline as of {@code now} (the engine's clock) and acts on it. */
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
                emails.fire(new EmailDue(reference, EmailTemplate.DPO_REMINDER));
            }
            case ESCALATE -> {
                request.deadlineMissed();
                audit.record(reference, "DEADLINE_MISSED", AuditLog.detail("deadline", request.deadline));
                emails.fire(new EmailDue(reference, EmailTemplate.DPO_ESCALATION));
            }
            case NONE -> {
                // Nothing due today.
            }
        }
        return check;
    }
}
