package org.dsarflow.decision;

import org.dsarflow.intake.RequestType;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.DataSource;
import org.dsarflow.subject.Identifiability;
import org.dsarflow.subject.StudyPhase;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The analysis-phase check (PRODUCT.md §6): for one matched record in one holding, what the request
 * asks of the controller, with its legal basis and an explanation in plain English for the response.
 * Rows are tried in the table's order: an anonymised holding, then a closed study, leave nothing to
 * act on whatever the request.
 */
public final class DecisionTable {

    private static final Pattern CONSENT_OR_CONTRACT =
            Pattern.compile("\\b(consent(ed)?|contract(s|ual)?)\\b|(?<![\\d.])6\\(1\\)\\s*\\((a|b)\\)",
                    Pattern.CASE_INSENSITIVE);

    private static final String CUSTODIAN_ASKED = " is held for us by a custodian: we have asked them to act and"
            + " will confirm to you once they have.";
    private static final String CUSTODIAN_CONFIRMED = " is held for us by a custodian, who confirmed on %s that this"
            + " has been done.";
    private static final String DECIDED_ON_REVIEW = " Our data protection officer decided this on reviewing your request.";

    private DecisionTable() {
    }

    /**
     * Portability (Art. 20) covers data processed under consent or a contract. A study's purposes name
     * their bases in words, so any purpose relying on consent or a contract (Art. 6(1)(a) or (b)) counts.
     */
    public static boolean reliesOnConsentOrContract(List<String> lawfulBases) {
        return lawfulBases.stream().anyMatch(basis -> CONSENT_OR_CONTRACT.matcher(basis).find());
    }

    public static Proposal propose(RequestType type, StudyPhase phase, boolean consentOrContract, HoldingFacts holding) {
        return describe(action(type, phase, consentOrContract, holding), type, holding);
    }

    static Action action(RequestType type, StudyPhase phase, boolean consentOrContract, HoldingFacts holding) {
        if (holding.identifiability() == Identifiability.ANONYMISED) {
            return Action.NOT_IDENTIFIABLE;
        }
        if (phase == StudyPhase.CLOSED) {
            return Action.NOT_HELD;
        }
        return switch (type) {
            case ERASURE, CONSENT_WITHDRAWAL, OBJECTION ->
                    phase == StudyPhase.COLLECTION ? Action.ERASE : Action.RETAIN_PSEUDONYMISED;
            case RESTRICTION -> Action.RESTRICT;
            case RECTIFICATION -> Action.RECTIFY;
            case ACCESS -> Action.EXPORT;
            case PORTABILITY -> holding.source() == DataSource.PRIMARY && consentOrContract
                    ? Action.EXPORT : Action.NOT_APPLICABLE;
        };
    }

    /** The basis and explanation of {@code action} as the table proposes it, with the table's reason. */
    public static Proposal describe(Action action, RequestType type, HoldingFacts holding) {
        return explained(action, type, holding, true);
    }

    /**
     * The basis and explanation of {@code action} as the DPO chose it on review instead of what the table proposed:
     * the table's reason (the study's phase at receipt) is not why, so the requester is told who decided instead.
     */
    public static Proposal chosenOnReview(Action action, RequestType type, HoldingFacts holding) {
        return explained(action, type, holding, false);
    }

    /**
     * The explanation as it stands once the custodian has confirmed, for the response: the promise to confirm
     * becomes the date they did. An explanation without that promise is returned as it is.
     */
    public static String confirmedByCustodian(String explanation, LocalDate confirmedOn) {
        if (confirmedOn == null || !explanation.endsWith(CUSTODIAN_ASKED)) {
            return explanation;
        }
        return explanation.substring(0, explanation.length() - CUSTODIAN_ASKED.length())
                + CUSTODIAN_CONFIRMED.formatted(confirmedOn);
    }

    private static Proposal explained(Action action, RequestType type, HoldingFacts holding, boolean byTheTable) {
        String where = capitalised(holding.location());
        Proposal proposal = switch (action) {
            case NOT_IDENTIFIABLE -> new Proposal(action, "UK GDPR Art. 11(2): the data does not permit identification",
                    where + ": this data is anonymised, so nothing in it can be linked to you and there is nothing"
                            + " to act on.");
            case NOT_HELD -> new Proposal(action, "No personal data held: the study has closed",
                    where + (byTheTable ? ": the study has closed and all personal data in it has been deleted, so we"
                            + " no longer hold any of your data here." : ": we no longer hold any of your data here."));
            case ERASE -> new Proposal(action, erasureBasis(type),
                    where + ": we delete all of your data held here." + (byTheTable
                            ? " The study had not started its analysis when we received your request, so we have no"
                            + " grounds to keep it." : ""));
            case RETAIN_PSEUDONYMISED -> new Proposal(action,
                    "UK GDPR Art. 17(3)(d) with Art. 89(1) safeguards; legitimate interests (Art. 6(1)(f)) for research",
                    where + ": we delete your name and contact details and keep only your research data, under a"
                            + " study code that can no longer be linked to you." + (byTheTable
                            ? " The study's analysis had already started when we received your request, and removing"
                            + " your answers now would seriously impair the research."
                            : " Removing your answers would seriously impair the research."));
            case RESTRICT -> new Proposal(action, "UK GDPR Art. 18(1)",
                    where + ": we keep your data but stop using it, and leave it out of any export, until the"
                            + " restriction is lifted; we will tell you before we lift it.");
            case RECTIFY -> new Proposal(action, "UK GDPR Art. 16", where + ": we correct your data as you asked.");
            case EXPORT -> type == RequestType.PORTABILITY
                    ? new Proposal(action, "UK GDPR Art. 20(1)",
                    where + ": the data you gave us is in our response in machine-readable form (JSON and CSV),"
                            + " ready to pass to another organisation.")
                    : new Proposal(action, "UK GDPR Art. 15(1) to (3)",
                    where + ": a copy of your data held here is in our response, with why we hold it, the lawful"
                            + " basis, who we share it with, how long we keep it and where it came from.");
            case NOT_APPLICABLE -> new Proposal(action,
                    "UK GDPR Art. 20(1)(a): not provided by you under consent or a contract",
                    where + ": the right to data portability covers data you gave us under your consent or a"
                            + " contract, and " + (holding.source() == DataSource.SECONDARY
                            ? "this data came from other organisations, not from you"
                            : "the study does not hold it under your consent or a contract with you")
                            + ". You can still ask for a copy under your right of access.");
        };
        String explanation = proposal.explanation() + (byTheTable ? "" : DECIDED_ON_REVIEW);
        if (holding.custody() == Custody.EXTERNAL && action.isCarriedOut()) {
            explanation += " " + where + CUSTODIAN_ASKED;
        }
        return new Proposal(action, proposal.basis(), explanation);
    }

    private static String erasureBasis(RequestType type) {
        return switch (type) {
            case CONSENT_WITHDRAWAL -> "UK GDPR Art. 7(3) and Art. 17(1)(b): consent withdrawn";
            case OBJECTION -> "UK GDPR Art. 21(1) and Art. 17(1)(c): objection, no overriding legitimate grounds";
            default -> "UK GDPR Art. 17(1)";
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
