package org.dsarflow.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dsarflow.subject.Custody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** One action on one matched record's data in one holding: proposed, reviewed, carried out. */
@Entity
@Table(name = "dsar_decision_action")
public class DecisionAction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_decision_action_seq")
    @SequenceGenerator(name = "dsar_decision_action_seq", sequenceName = "dsar_decision_action_seq", allocationSize = 50)
    public Long id;

    @Version
    public long version;

    public Long requestId;

    public String studyKey;

    public String subjectRef;

    public String holdingKey;

    @Enumerated(EnumType.STRING)
    public Custody custody;

    /** What the decision table proposed; differs from {@link #action} when the DPO amended it. */
    @Enumerated(EnumType.STRING)
    public Action proposedAction;

    @Enumerated(EnumType.STRING)
    public Action action;

    public String basis;

    public String explanation;

    public String amendmentJustification;

    @Enumerated(EnumType.STRING)
    public ActionState state;

    public Instant doneAt;

    public LocalDate custodianConfirmedOn;

    public String custodianNote;

    public String custodianConfirmedBy;

    /** An access request's export of a holding liable to contain other people's information: it waits for this. */
    public boolean redactionNeeded;

    /** What the DPO recorded for the other people's information in the copy; null until recorded. */
    @Enumerated(EnumType.STRING)
    public OthersInformation redaction;

    /** Free text that may name people: never audited, never in the response package, deleted at retention. */
    public String redactionReasons;

    public String redactionRecordedBy;

    public Instant redactionRecordedAt;

    public static List<DecisionAction> of(Long requestId) {
        return list("requestId = ?1 order by studyKey, holdingKey", requestId);
    }

    public static List<DecisionAction> of(Collection<Long> requestIds) {
        return list("requestId in ?1 order by requestId, studyKey, holdingKey", requestIds);
    }

    /** What the decision table proposed for one matched record's data in one holding, for the DPO to review. */
    static DecisionAction proposed(Long requestId, String studyKey, String subjectRef, String holdingKey,
                                   Custody custody, Proposal proposal) {
        DecisionAction action = new DecisionAction();
        action.requestId = requestId;
        action.studyKey = studyKey;
        action.subjectRef = subjectRef;
        action.holdingKey = holdingKey;
        action.custody = custody;
        action.proposedAction = proposal.action();
        action.action = proposal.action();
        action.basis = proposal.basis();
        action.explanation = proposal.explanation();
        action.state = ActionState.PROPOSED;
        return action;
    }

    /** The DPO chose another action for this holding, and said why. */
    void amend(Proposal chosen, String justification) {
        action = chosen.action();
        basis = chosen.basis();
        explanation = chosen.explanation();
        amendmentJustification = justification;
    }

    /** The explanation for the requester as things stand: once the custodian has confirmed, with the day they did. */
    public String explanationAsItStands() {
        return DecisionTable.confirmedByCustodian(explanation, custodianConfirmedOn);
    }

    void approve() {
        state = ActionState.APPROVED;
    }

    /** An external holding's custodian must act on it and confirm. */
    public void handToCustodian() {
        state = ActionState.AWAITING_CUSTODIAN;
    }

    /** The custodian confirmed that they acted, on {@code on}, as recorded by {@code by}. */
    public void confirmedByCustodian(LocalDate on, String note, String by, Instant at) {
        custodianConfirmedOn = on;
        custodianNote = note;
        custodianConfirmedBy = by;
        done(at);
    }

    /**
     * The copy of this holding waits for the DPO to record what was done with other people's information in
     * it; an internal holding's export is not done until then.
     */
    public void holdForRedaction() {
        redactionNeeded = true;
        if (custody == Custody.INTERNAL) {
            state = ActionState.AWAITING_REDACTION;
        }
    }

    /** The redaction step has been taken and not yet recorded. */
    public boolean awaitingRedaction() {
        return redactionNeeded && redaction == null;
    }

    /** The DPO recorded what was done with other people's information: an internal export is then done. */
    public void redactionRecorded(OthersInformation outcome, String reasons, String by, Instant at) {
        redaction = outcome;
        redactionReasons = reasons;
        redactionRecordedBy = by;
        redactionRecordedAt = at;
        if (state == ActionState.AWAITING_REDACTION) {
            done(at);
        }
    }

    void forgetRedactionReasons() {
        redactionReasons = null;
    }

    /** A restriction this action placed, on our records or through the custodian. */
    public boolean placedRestriction() {
        return action == Action.RESTRICT && (state == ActionState.DONE || state == ActionState.AWAITING_CUSTODIAN);
    }

    public void done(Instant at) {
        state = ActionState.DONE;
        doneAt = at;
    }

    /** "studyKey/holdingKey": names a custodian's task without naming the person. */
    public String custodianTask() {
        return studyKey + "/" + holdingKey;
    }
}
