package org.dsarflow.subject;

import org.dsarflow.shared.Keys;
import org.dsarflow.subject.identity.DirectIdentifiers;
import org.dsarflow.subject.identity.IdentifierHasher;
import org.dsarflow.subject.identity.IdentifierNormaliser;
import org.dsarflow.subject.identity.IdentifierScheme;
import org.dsarflow.subject.identity.InvalidIdentifierException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one registry row against its study and makes it ready to write: the lookup hashes of every scheme
 * the row completes, and the raw identifiers kept only where a holding really holds them. A rejection
 * names the problem but never the value. One check serves one import: it remembers the subjectRefs it has
 * passed, since a file may name each subject once.
 */
final class RegistryRowCheck {

    private static final Pattern SUBJECT_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern CATEGORY = Pattern.compile(StudyDescription.CATEGORY);
    private static final Pattern NAME = Pattern.compile(Keys.IDENTIFIER);

    private final StudyShape study;
    private final IdentifierHasher hasher;
    private final Map<String, Long> passedRefs = new HashMap<>();

    private final int longestValue;

    RegistryRowCheck(StudyShape study, IdentifierHasher hasher, int longestValue) {
        this.study = study;
        this.hasher = hasher;
        this.longestValue = longestValue;
    }

    /** What became of one row: ready to write, or rejected with its line and problem. */
    sealed interface Outcome permits Passed, Rejected {
    }

    record Passed(RegistryWriter.PreparedRow row) implements Outcome {
    }

    record Rejected(ImportReport.Rejection rejection) implements Outcome {
    }

    Outcome check(RegistryDraftRow draft) {
        try {
            if (draft.problem() != null) {
                throw new RowProblem(draft.reason(), draft.problem());
            }
            RegistryWriter.PreparedRow row = prepare(draft);
            Long first = passedRefs.putIfAbsent(row.subjectRef(), draft.line());
            if (first != null) {
                throw new RowProblem(RejectionReason.REPEATED_SUBJECT_REF, "repeats subjectRef " + row.subjectRef() + " of line " + first);
            }
            return new Passed(row);
        } catch (RowProblem problem) {
            return new Rejected(new ImportReport.Rejection(draft.line(), problem.reason, problem.getMessage()));
        }
    }

    private RegistryWriter.PreparedRow prepare(RegistryDraftRow draft) {
        List<String> values = new ArrayList<>(draft.holdings());
        values.add(draft.subjectRef());
        values.add(draft.category());
        values.addAll(draft.identifiers().values());
        values.addAll(draft.attributes().values());
        for (String value : values) {
            if (value != null && value.length() > longestValue) {
                throw new RowProblem(RejectionReason.VALUE_TOO_LONG, "has a value longer than " + longestValue + " characters");
            }
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new RowProblem(RejectionReason.NUL_CHARACTER, "has a value with a NUL character");
            }
        }
        if (draft.subjectRef() == null || !SUBJECT_REF.matcher(draft.subjectRef().strip()).matches()) {
            throw new RowProblem(RejectionReason.INVALID_SUBJECT_REF, "subjectRef is missing or not 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (draft.category() == null || !CATEGORY.matcher(draft.category().strip()).matches()) {
            throw new RowProblem(RejectionReason.INVALID_CATEGORY, "category is missing or not an upper-case name such as SOCIAL_WORKER");
        }
        if (draft.holdings().isEmpty()) {
            throw new RowProblem(RejectionReason.NO_HOLDING, "names no holding");
        }
        for (String holding : draft.holdings()) {
            if (!study.holdings().contains(holding)) {
                throw new RowProblem(RejectionReason.UNKNOWN_HOLDING, "names holding '" + holding + "', which study " + study.key() + " does not have");
            }
        }
        for (String name : draft.attributes().keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new RowProblem(RejectionReason.INVALID_NAME, "has an attribute name that is not a plain name");
            }
        }
        Map<String, String> lookups = new LinkedHashMap<>();
        try {
            // Every identifier is normalised, not only the schemes' keys: an impossible date is refused anywhere.
            for (Map.Entry<String, String> identifier : draft.identifiers().entrySet()) {
                if (!NAME.matcher(identifier.getKey()).matches()) {
                    throw new RowProblem(RejectionReason.INVALID_NAME, "has an identifier name that is not a plain name");
                }
                IdentifierNormaliser.normalise(identifier.getKey(), identifier.getValue());
            }
            for (IdentifierScheme scheme : study.schemes()) {
                hasher.lookupHash(scheme, draft.identifiers()).ifPresent(hash -> lookups.put(scheme.name(), hash));
            }
        } catch (InvalidIdentifierException e) {
            throw new RowProblem(RejectionReason.INVALID_IDENTIFIER, "identifier " + e.key() + " is not valid");
        }
        if (lookups.isEmpty()) {
            throw new RowProblem(RejectionReason.NO_COMPLETE_SCHEME, "has no identifiers that complete a scheme of the study ("
                    + study.schemes().stream().map(IdentifierScheme::name).collect(Collectors.joining(", ")) + ")");
        }
        Map<String, String> attributes = new LinkedHashMap<>(draft.attributes());
        if (draft.holdings().stream().anyMatch(study.rawIdentifierHoldings()::contains)) {
            draft.identifiers().forEach((key, value) ->
                    attributes.put(DirectIdentifiers.RAW_IDENTIFIER_PREFIX + key, value.strip()));
        }
        return new RegistryWriter.PreparedRow(draft.line(), draft.subjectRef().strip(), draft.category().strip(),
                Set.copyOf(draft.holdings()), attributes, lookups);
    }

    /** A row-level problem: the row is rejected, the import goes on. */
    private static final class RowProblem extends RuntimeException {
        private final RejectionReason reason;

        RowProblem(RejectionReason reason, String problem) {
            super(problem, null, false, false);
            this.reason = reason;
        }
    }
}
