package org.dsarflow.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dsarflow.intake.PersonalDataDeleted;

/** The review's justification is free text that may name people: it goes with the request's personal data. */
@ApplicationScoped
class DecisionRetention {

    void onPersonalDataDeleted(@Observes PersonalDataDeleted deleted) {
        Review.of(deleted.requestId()).ifPresent(Review::forgetJustification);
    }
}
