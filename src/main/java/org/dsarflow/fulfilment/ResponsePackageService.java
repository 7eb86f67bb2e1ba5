package org.dsarflow.fulfilment;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.decision.Review;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.SpreadsheetSafeCsv;
import org.dsarflow.subject.DataSource;
import org.dsarflow.subject.Holding;
import org.dsarflow.subject.RegistryMaintenance;
import org.dsarflow.subject.Study;
import org.dsarflow.subject.SubjectRecord;
import org.dsarflow.subject.identity.DirectIdentifiers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the response package of an approved access or portability request from what the registry
 * holds now, so no second copy of the requester's data is kept.
 */
@ApplicationScoped
public class ResponsePackageService {

    private static final CsvSchema CSV_SCHEMA = CsvSchema.builder()
            .addColumn("studyKey").addColumn("subjectRef").addColumn("kind").addColumn("name").addColumn("value")
            .build().withHeader();

    private final RegistryMaintenance registry;
    private final Clock clock;

    ResponsePackageService(RegistryMaintenance registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Transactional
    public ResponsePackage build(String reference) {
        DsarRequest request = DsarRequest.require(reference);
        if (!Review.of(request.id).map(Review::approved).orElse(false)) {
            throw new ConflictException("NOT_APPROVED", "Request " + reference
                    + " has no response package until the DPO approves its decision");
        }
        List<DecisionAction> exports = DecisionAction.of(request.id).stream()
                .filter(a -> a.action == Action.EXPORT).toList();
        if (exports.isEmpty()) {
            throw new ConflictException("NO_EXPORT", "Request " + reference + " exports no data: it is a "
                    + request.type + " request with no EXPORT action");
        }
        List<String> heldBack = exports.stream().filter(DecisionAction::awaitingRedaction)
                .map(DecisionAction::custodianTask).toList();
        if (!heldBack.isEmpty()) {
            throw new ConflictException("REDACTION_PENDING", "Request " + reference + " holds back its response "
                    + "until the DPO records what was done with other people's information in " + heldBack);
        }
        Map<String, List<DecisionAction>> byStudy = exports.stream()
                .collect(Collectors.groupingBy(a -> a.studyKey, TreeMap::new, Collectors.toList()));
        List<ResponsePackage.StudyData> studies = new ArrayList<>();
        byStudy.forEach((studyKey, actions) -> study(studyKey, actions).ifPresent(studies::add));
        return new ResponsePackage(reference, request.type, Instant.now(clock), studies,
                SupplementaryInformation.RIGHTS, SupplementaryInformation.COMPLAINT, sourcesSearched(request.id));
    }

    /** The sources searched for a request, or judged disproportionate to search; in the order searched. */
    @Transactional
    public List<ResponsePackage.SourceSearched> sourcesSearched(long requestId) {
        return Search.of(requestId).stream().map(search -> ResponsePackage.SourceSearched.of(search,
                search.holdingKey == null ? null : location(search))).toList();
    }

    private static String location(Search search) {
        Holding holding = Holding.find("studyKey = ?1 and key = ?2", search.studyKey, search.holdingKey).firstResult();
        return holding == null ? search.studyKey + "/" + search.holdingKey : holding.location;
    }

    /** The package's data as flat CSV rows: one per identifier or attribute held. */
    public String csv(ResponsePackage responsePackage) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ResponsePackage.StudyData study : responsePackage.studies()) {
            study.identifiers().forEach((name, value) -> rows.add(row(study, "identifier", name, value)));
            study.attributes().forEach((name, value) -> rows.add(row(study, "attribute", name, value)));
        }
        for (ResponsePackage.SourceSearched source : responsePackage.sourcesSearched()) {
            rows.add(Map.of("studyKey", source.studyKey() == null ? "" : source.studyKey(), "subjectRef", "",
                    "kind", source.searched() ? "source-searched" : "source-not-searched", "name", source.source(),
                    "value", source.inWords()));
        }
        return SpreadsheetSafeCsv.write(CSV_SCHEMA, rows);
    }

    private Optional<ResponsePackage.StudyData> study(String studyKey, List<DecisionAction> actions) {
        Study study = Study.findById(studyKey);
        String subjectRef = actions.get(0).subjectRef;
        Optional<SubjectRecord> record = registry.record(studyKey, subjectRef);
        if (study == null || record.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Holding> holdings = study.holdings().stream()
                .collect(Collectors.toMap(h -> h.key, Function.identity()));
        Map<String, String> identifiers = new TreeMap<>();
        Map<String, String> attributes = new TreeMap<>();
        record.get().attributes.forEach((name, value) -> {
            if (DirectIdentifiers.isRawIdentifier(name)) {
                identifiers.put(name.substring(DirectIdentifiers.RAW_IDENTIFIER_PREFIX.length()), value);
            } else {
                attributes.put(name, value);
            }
        });
        List<ResponsePackage.HoldingData> held = actions.stream()
                .map(action -> holding(holdings.get(action.holdingKey), action))
                .toList();
        return Optional.of(new ResponsePackage.StudyData(studyKey, study.name, study.contactMailbox, subjectRef,
                record.get().category, record.get().restrictedBy != null, identifiers, attributes, held,
                study.lawfulBases, study.recipients));
    }

    private static ResponsePackage.HoldingData holding(Holding holding, DecisionAction action) {
        String source = holding.source == DataSource.PRIMARY
                ? "Collected from you"
                : "Obtained from other organisations, not from you: " + holding.location;
        return new ResponsePackage.HoldingData(holding.key, holding.location, holding.custody, holding.source, source,
                holding.retention, action.action, action.state, action.explanationAsItStands(), action.redaction);
    }

    private static Map<String, String> row(ResponsePackage.StudyData study, String kind, String name, String value) {
        return Map.of("studyKey", study.studyKey(), "subjectRef", study.subjectRef(), "kind", kind,
                "name", name, "value", value);
    }
}
