package org.dsarflow.subject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.intake.KnownStudies;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.UnknownResourceException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Registers studies and their holdings, and moves them through their phases. */
@ApplicationScoped
public class StudyService implements KnownStudies {

    private static final Logger LOG = Logger.getLogger(StudyService.class);

    private final AuditLog audit;
    private final Clock clock;

    StudyService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<StudyDescription> list() {
        return Study.<Study>list("order by key").stream().map(StudyDescription::of).toList();
    }

    @Transactional
    public StudyDescription get(String key) {
        return StudyDescription.of(find(key));
    }

    @Override
    @Transactional
    public void requireKnown(String field, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            Study.requireKnown(field + "[" + i + "]", keys.get(i));
        }
    }

    public boolean exists(String key) {
        return Study.findByIdOptional(key).isPresent();
    }

    @Transactional
    public StudyDescription create(StudyDescription description, String actor) {
        if (Study.findByIdOptional(description.key()).isPresent()) {
            throw new ConflictException("STUDY_EXISTS", "Study " + description.key() + " already exists");
        }
        requireNotFuture("phaseSince", description.phaseSince());
        Study study = new Study();
        study.key = description.key();
        study.phase = description.phase();
        study.phaseSince = description.phaseSince();
        describe(study, description);
        study.persist();
        description.holdings().forEach(h -> holding(study.key, h, new Holding()).persist());
        recordPhase(study, null, null, actor);
        LOG.infof("Study %s registered by %s in phase %s", study.key, actor, study.phase);
        audit.record(null, "STUDY_REGISTERED", AuditLog.detail("studyKey", study.key, "phase", study.phase,
                "phaseSince", study.phaseSince, "holdings", description.holdings().size()));
        return StudyDescription.of(study);
    }

    /** Replaces what a study says of itself and its holdings; its phase moves only through {@link #changePhase}. */
    @Transactional
    public StudyDescription replace(String key, StudyDescription description, String actor) {
        Study study = find(key);
        if (!key.equals(description.key())) {
            throw new InvalidInputException("key", "key must be the study's own key, " + key);
        }
        if (description.phase() != study.phase || !description.phaseSince().equals(study.phaseSince)) {
            throw new ConflictException("PHASE_CHANGE_NEEDS_PHASE_ENDPOINT",
                    "A study's phase changes through POST /api/studies/" + key + "/phase, dated");
        }
        describe(study, description);
        Map<String, Holding> existing = study.holdings().stream()
                .collect(Collectors.toMap(h -> h.key, Function.identity()));
        Set<String> kept = new HashSet<>();
        for (StudyDescription.HoldingDescription h : description.holdings()) {
            kept.add(h.key());
            Holding holding = holding(key, h, existing.getOrDefault(h.key(), new Holding()));
            if (holding.id == null) {
                holding.persist();
            }
        }
        for (Holding dropped : existing.values()) {
            if (!kept.contains(dropped.key)) {
                if (SubjectRecord.holdingInUse(key, dropped.key)) {
                    throw new ConflictException("HOLDING_IN_USE",
                            "Holding " + dropped.key + " still holds subjects' data and cannot be removed");
                }
                dropped.delete();
            }
        }
        LOG.infof("Study %s updated by %s", key, actor);
        audit.record(null, "STUDY_UPDATED", AuditLog.detail("studyKey", key, "holdings", description.holdings().size()));
        return StudyDescription.of(study);
    }

    @Transactional
    public StudyDescription changePhase(String key, PhaseChangeBody change, String actor) {
        Study study = find(key);
        requireNotFuture("on", change.on());
        boolean correction = change.correctionReason() != null && !change.correctionReason().isBlank();
        if (change.phase() == study.phase && change.on().equals(study.phaseSince)) {
            throw new ConflictException("PHASE_UNCHANGED", "Study " + key + " is already " + study.phase
                    + " since " + study.phaseSince);
        }
        if (!correction && !study.phase.isBefore(change.phase())) {
            throw new ConflictException("PHASE_BACKWARDS", "Study " + key + " is " + study.phase
                    + "; a phase only moves forward unless an admin corrects it with a correctionReason");
        }
        if (!correction && change.on().isBefore(study.phaseSince)) {
            throw new ConflictException("PHASE_DATE_BEFORE_CURRENT", "Study " + key + " has been " + study.phase
                    + " since " + study.phaseSince + "; the next phase cannot start earlier");
        }
        StudyPhase previous = study.phase;
        study.phase = change.phase();
        study.phaseSince = change.on();
        recordPhase(study, previous, correction ? change.correctionReason().strip() : null, actor);
        audit.record(null, "STUDY_PHASE_CHANGED", AuditLog.detail("studyKey", key, "from", previous,
                "to", study.phase, "on", study.phaseSince, "correction", correction));
        LOG.infof("Study %s moved from %s to %s on %s by %s%s", key, previous, study.phase, study.phaseSince,
                actor, correction ? " (correction)" : "");
        return StudyDescription.of(study);
    }

    Study find(String key) {
        return Study.<Study>findByIdOptional(key).orElseThrow(() -> new UnknownResourceException("Study", key));
    }

    private void recordPhase(Study study, StudyPhase previous, String correctionReason, String actor) {
        StudyPhaseChange change = new StudyPhaseChange();
        change.studyKey = study.key;
        change.previousPhase = previous;
        change.phase = study.phase;
        change.phaseSince = study.phaseSince;
        change.correctionReason = correctionReason;
        change.recordedAt = Instant.now(clock);
        change.recordedBy = actor;
        change.persist();
    }

    private void requireNotFuture(String field, LocalDate date) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException(field, field + " must not be in the future");
        }
    }

    private static void describe(Study study, StudyDescription description) {
        study.name = description.name().strip();
        study.contactMailbox = description.contactMailbox();
        study.identifierSchemes = description.identifierSchemes().stream()
                .map(scheme -> List.copyOf(new TreeSet<>(scheme)))
                .distinct()
                .toList();
        study.lawfulBases = description.lawfulBases() == null ? List.of() : description.lawfulBases();
        study.recipients = description.recipients() == null ? List.of() : description.recipients();
        study.categories = description.categories() == null ? List.of() : description.categories();
        Map<String, String> mailboxes = description.recipientMailboxes() == null ? Map.of()
                : description.recipientMailboxes();
        mailboxes.keySet().stream().filter(name -> !study.recipients.contains(name)).findFirst().ifPresent(name -> {
            throw new InvalidInputException("recipientMailboxes", "recipientMailboxes names " + name
                    + ", which is not one of the study's recipients");
        });
        study.recipientMailboxes = new LinkedHashMap<>(mailboxes);
        Set<String> holdingKeys = new HashSet<>();
        for (StudyDescription.HoldingDescription h : description.holdings()) {
            if (!holdingKeys.add(h.key())) {
                throw new InvalidInputException("holdings", "holding key " + h.key() + " appears more than once");
            }
        }
    }

    private static Holding holding(String studyKey, StudyDescription.HoldingDescription from, Holding to) {
        to.studyKey = studyKey;
        to.key = from.key();
        to.location = from.location().strip();
        to.custody = from.custody();
        to.identifiability = from.identifiability();
        to.source = from.source();
        to.retention = from.retention();
        to.retentionUntil = from.retentionUntil();
        to.retentionPeriod = from.retentionPeriod();
        to.othersInformation = Boolean.TRUE.equals(from.othersInformation());
        to.custodianMailbox = from.custodianMailbox();
        return to;
    }
}
