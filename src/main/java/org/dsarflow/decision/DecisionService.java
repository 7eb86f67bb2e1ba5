package org.dsarflow.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.LawfulBasis;
import org.dsarflow.subject.MatchedRecord;
import org.dsarflow.subject.Study;
import org.dsarflow.subject.StudyPhaseChange;
import org.dsarflow.subject.SubjectMatch;
import org.dsarflow.subject.SubjectRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code decide} step: proposes one action per matched record and holding, for the DPO to review. */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final AuditLog audit;
    private final Clock clock;

    DecisionService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the proposed actions, one per matched record and holding. */
    @Transactional
    public void decide(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        LocalDate today = LocalDate.now(clock);
        int proposed = 0;
        Map<String, String> phases = new TreeMap<>();
        List<MatchedRecord> matches = SubjectMatch.of(request.id).map(SubjectMatch::sorted).orElse(List.of());
        for (MatchedRecord matched : matches) {
            SubjectRecord record = SubjectRecord.find("studyKey = ?1 and subjectRef = ?2",
                    matched.studyKey(), matched.subjectRef()).firstResult();
            Study study = Study.findById(matched.studyKey());
            if (record == null || study == null) {
                // Erased or removed since it was located: there is nothing of it left to decide on.
                LOG.infof("Request %s: a matched record of study %s is no longer in the registry", reference,
                        matched.studyKey());
                continue;
            }
            PhaseChoice choice = PhaseChoice.choose(timeline(study.key), request.receivedOn, study.phase, today);
            DecisionPhase.of(request.id, study.key, choice).persist();
            phases.put(study.key, choice.used() + " " + choice.basis());
            boolean consentOrContract = DecisionTable.reliesOnConsentOrContract(
                    study.lawfulBases.stream().map(LawfulBasis::basis).toList());
            Map<String, Holding> holdings = study.holdings().stream()
                    .collect(Collectors.toMap(h -> h.key, Function.identity()));
            for (String holdingKey : record.holdings.stream().sorted().toList()) {
                Holding holding = holdings.get(holdingKey);
                Proposal proposal = DecisionTable.propose(request.type, choice.used(), consentOrContract, facts(holding));
                DecisionAction.proposed(request.id, record.studyKey, record.subjectRef, holding.key, holding.custody,
                        proposal).persist();
                proposed++;
            }
        }
        request.decisionProposed(Instant.now(clock));
        audit.record(reference, "DECISION_PROPOSED", AuditLog.detail("actions", proposed, "phases", phases));
        LOG.infof("Request %s: %d actions proposed for review", reference, proposed);
    }

    public static HoldingFacts facts(Holding holding) {
        return new HoldingFacts(holding.key, holding.location, holding.custody, holding.identifiability, holding.source);
    }

    private static PhaseTimeline timeline(String studyKey) {
        List<StudyPhaseChange> changes = StudyPhaseChange.list("studyKey = ?1 order by id", studyKey);
        return PhaseTimeline.of(changes.stream()
                .map(change -> new PhaseTimeline.Entry(change.phase, change.phaseSince)).toList());
    }
}
