package org.dsarflow.decision;

/**
 * CDI event, fired in the transaction of the DPO's review: the process carries the decision out, or
 * goes to the refusal. {@link #ACTIVITY} is the step of the process it completes, which the review's
 * audit entry names.
 */
public record DecisionReviewed(String reference, ReviewOutcome outcome) {

    public static final String ACTIVITY = "reviewDecision";
}
