package org.dsarflow.decision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.intake.MatchedRecord;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.LawfulBasis;
import org.dsarflow.subject.Study;
import org.dsarflow.subject.StudyPhaseChange;
import org.dsarflow.subject.SubjectRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
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

    /** Records the proposed actions and answers how many there are. */
    @Transactional
    public int decide(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        LocalDate today = LocalDate.now(clock);
        int proposed = 0;
        Map<String, String> phases = new TreeMap<>();
        for (MatchedRecord matched : request.matches.stream()
                .sorted(Comparator.comparing(MatchedRecord::studyKey)).toList()) {
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
                persist(request.id, record, holding, proposal);
                proposed++;
            }
        }
        request.recordDecision(Instant.now(clock));
        audit.record(reference, "DECISION_PROPOSED", AuditLog.detail("actions", proposed, "phases", phases));
        LOG.infof("Request %s: %d actions proposed for review", reference, proposed);
        return proposed;
    }

    public static HoldingFacts facts(Holding holding) {
        return new HoldingFacts(holding.key, holding.location, holding.custody, holding.identifiability, holding.source);
    }

    private static PhaseTimeline timeline(String studyKey) {
        List<StudyPhaseChange> changes = StudyPhaseChange.list("studyKey = ?1 order by id", studyKey);
        return PhaseTimeline.of(changes.stream()
                .map(change -> new PhaseTimeline.Entry(change.phase, change.phaseSince)).toList());
    }

    private static void persist(Long requestId, SubjectRecord record, Holding holding, Proposal proposal) {
        DecisionAction action = new DecisionAction();
        action.requestId = requestId;
        action.studyKey = record.studyKey;
        action.subjectRef = record.subjectRef;
        action.holdingKey = holding.key;
        action.custody = holding.custody;
        action.proposedAction = proposal.action();
        action.action = proposal.action();
        action.basis = proposal.basis();
        action.explanation = proposal.explanation();
        action.state = ActionState.PROPOSED;
        action.persist();
    }
}
