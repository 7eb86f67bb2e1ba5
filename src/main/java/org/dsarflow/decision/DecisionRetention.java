package org.dsarflow.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dsarflow.intake.PersonalDataDeleted;

/**
 * The review's justification, the reasons of a child judgement and of each redaction are free text that may
 * name people: they go with the request's personal data.
 */
@ApplicationScoped
class DecisionRetention {

    void onPersonalDataDeleted(@Observes PersonalDataDeleted deleted) {
        Review.of(deleted.requestId()).ifPresent(Review::forgetJustification);
        DecisionAction.of(deleted.requestId()).forEach(DecisionAction::forgetRedactionReasons);
    }
}
