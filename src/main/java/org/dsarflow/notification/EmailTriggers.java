package org.dsarflow.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.dsarflow.deadline.ClockEventRecorded;
import org.dsarflow.fulfilment.RequestResponded;
import org.dsarflow.intake.RequestLogged;
import org.dsarflow.subject.NoDataHeld;

/** Which happenings of a request are told by email, and by which: each becomes an {@link EmailDue}. */
@ApplicationScoped
class EmailTriggers {

    private final Event<EmailDue> due;

    EmailTriggers(Event<EmailDue> due) {
        this.due = due;
    }

    void onLogged(@Observes RequestLogged logged) {
        due.fire(new EmailDue(logged.reference(), EmailTemplate.ACKNOWLEDGEMENT));
        due.fire(new EmailDue(logged.reference(), EmailTemplate.DPO_NEW_REQUEST));
    }

    void onClockEvent(@Observes ClockEventRecorded recorded) {
        EmailTemplate.telling(recorded.kind())
                .ifPresent(template -> due.fire(new EmailDue(recorded.reference(), template)));
    }

    void onNoDataHeld(@Observes NoDataHeld closed) {
        due.fire(new EmailDue(closed.reference(), EmailTemplate.RESPONSE));
    }

    void onResponded(@Observes RequestResponded responded) {
        due.fire(new EmailDue(responded.reference(), EmailTemplate.RESPONSE));
    }
}
