package org.dsarflow.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The DPO's review of a request's proposed decision: approved, or the request refused and on what ground. */
@Entity
@Table(name = "dsar_decision_review")
public class Review extends PanacheEntityBase {

    @Id
    public Long requestId;

    @Enumerated(EnumType.STRING)
    public ReviewOutcome outcome;

    @Enumerated(EnumType.STRING)
    public RefusalReason refusalReason;

    /** Free text that may name people: deleted with the request's other personal data. */
    public String justification;

    public String reviewedBy;

    /** A child's request: whether the DPO judged the child competent to act for themselves; else null. */
    public Boolean childCompetent;

    /** A competent child's request by a representative: whether the child agreed to them acting; else null. */
    public Boolean childAgreed;

    /** Whom the response goes to; null: the requester. */
    @Enumerated(EnumType.STRING)
    public ResponseRecipient respondTo;

    /** The DPO's reasons for the child judgement: free text, deleted with the request's other personal data. */
    public String childReasons;

    static Review approved(Long requestId, String justification, String by) {
        return of(requestId, ReviewOutcome.APPROVED, null, justification, by);
    }

    /** The DPO's judgement of a child's competence, and whom the response goes to. */
    void childJudged(boolean competent, Boolean agreed, ResponseRecipient recipient, String reasons) {
        childCompetent = competent;
        childAgreed = agreed;
        respondTo = recipient;
        childReasons = reasons;
    }

    static Review refused(Long requestId, RefusalReason reason, String justification, String by) {
        return of(requestId, ReviewOutcome.REFUSED, reason, justification, by);
    }

    public static Optional<Review> of(Long requestId) {
        return findByIdOptional(requestId);
    }

    public static List<Review> of(Collection<Long> requestIds) {
        return list("requestId in ?1", requestIds);
    }

    /** The closed-request retention has run out for the request reviewed. */
    void forgetJustification() {
        justification = null;
        childReasons = null;
    }

    public boolean approved() {
        return outcome == ReviewOutcome.APPROVED;
    }

    private static Review of(Long requestId, ReviewOutcome outcome, RefusalReason reason, String justification,
                             String by) {
        Review review = new Review();
        review.requestId = requestId;
        review.outcome = outcome;
        review.refusalReason = reason;
        review.justification = justification;
        review.reviewedBy = by;
        return review;
    }
}
