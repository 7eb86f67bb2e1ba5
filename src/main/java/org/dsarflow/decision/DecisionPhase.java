package org.dsarflow.decision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.dsarflow.subject.StudyPhase;

import java.util.Collection;
import java.util.List;

/** Which phase of one matched study a decision was taken on, and why. */
@Entity
@Table(name = "dsar_decision_phase")
public class DecisionPhase extends PanacheEntityBase {

    @Embeddable
    public record Key(Long requestId, String studyKey) {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    public StudyPhase phaseAtReceipt;

    @Enumerated(EnumType.STRING)
    public StudyPhase phaseToday;

    @Enumerated(EnumType.STRING)
    public StudyPhase phaseUsed;

    @Enumerated(EnumType.STRING)
    public PhaseBasis phaseBasis;

    public String reason;

    static DecisionPhase of(Long requestId, String studyKey, PhaseChoice choice) {
        DecisionPhase phase = new DecisionPhase();
        phase.key = new Key(requestId, studyKey);
        phase.phaseAtReceipt = choice.atReceipt();
        phase.phaseToday = choice.today();
        phase.phaseUsed = choice.used();
        phase.phaseBasis = choice.basis();
        phase.reason = choice.reason();
        return phase;
    }

    public static List<DecisionPhase> of(Collection<Long> requestIds) {
        return list("key.requestId in ?1 order by key.requestId, key.studyKey", requestIds);
    }
}
