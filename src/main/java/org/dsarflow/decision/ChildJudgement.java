package org.dsarflow.decision;

import org.dsarflow.shared.InvalidInputException;

import java.util.Set;

/**
 * The rule for a child's request (ICO right of access: requests about children). The right is the child's:
 * the DPO judges whether the child is mature enough to understand their rights and, where they are and a
 * representative asked, whether the child agreed to them acting. The judgement decides whom the response
 * goes to. The decision table itself is the same for a child.
 *
 * <ul>
 *   <li>Not competent: the representative (a person with parental responsibility) is answered.</li>
 *   <li>Competent, and agreed: the representative or the child, as the DPO decides.</li>
 *   <li>Competent, and did not agree: the child is answered, or the request refused to the representative
 *       (NO_AUTHORITY_TO_ACT).</li>
 *   <li>A child who asked themselves is answered themselves.</li>
 * </ul>
 */
public final class ChildJudgement {

    /** Registry and request categories that are children. */
    public static final Set<String> CHILD_CATEGORIES = Set.of("CHILD", "YOUNG_PERSON");

    private static final String FIELD = "childJudgement";

    private ChildJudgement() {
    }

    public static boolean isChild(String category) {
        return category != null && CHILD_CATEGORIES.contains(category);
    }

    /**
     * Checks the judgement given with a review against the rule.
     *
     * @param madeOnBehalf a representative asked, rather than the child
     * @param approved     the review approves; false: it refuses on {@code refusal}
     * @param agreed       null where it does not apply (not competent, or the child asked)
     * @throws InvalidInputException naming the part of the judgement that does not fit
     */
    public static void check(boolean madeOnBehalf, boolean approved, RefusalReason refusal, boolean competent,
                             Boolean agreed, ResponseRecipient respondTo) {
        if (!madeOnBehalf) {
            if (agreed != null) {
                throw new InvalidInputException(FIELD + ".agreedToRepresentative", "the child made the request: "
                        + "there is no representative to agree to");
            }
            if (respondTo != ResponseRecipient.REQUESTER) {
                throw new InvalidInputException(FIELD + ".respondTo", "the child made the request and is answered: "
                        + "respondTo is REQUESTER");
            }
            return;
        }
        if (!competent && agreed != null) {
            throw new InvalidInputException(FIELD + ".agreedToRepresentative",
                    "a child judged not competent is not asked to agree: leave agreedToRepresentative out");
        }
        if (competent && agreed == null) {
            throw new InvalidInputException(FIELD + ".agreedToRepresentative",
                    "a competent child's request by a representative needs whether the child agreed to them acting");
        }
        if (!approved) {
            if (respondTo != ResponseRecipient.REQUESTER) {
                throw new InvalidInputException(FIELD + ".respondTo", "a refusal is sent to the requester");
            }
            if (refusal == RefusalReason.NO_AUTHORITY_TO_ACT && !(competent && !agreed)) {
                throw new InvalidInputException("refusalReason", "NO_AUTHORITY_TO_ACT for a child's request is "
                        + "for a competent child who did not agree to the representative acting");
            }
            return;
        }
        if (!competent && respondTo != ResponseRecipient.REQUESTER) {
            throw new InvalidInputException(FIELD + ".respondTo",
                    "a child judged not competent: the response goes to the representative (REQUESTER)");
        }
        if (competent && !agreed && respondTo != ResponseRecipient.SUBJECT) {
            throw new InvalidInputException(FIELD + ".respondTo", "a competent child who did not agree: the response "
                    + "goes to the child (SUBJECT), or the request is refused NO_AUTHORITY_TO_ACT");
        }
    }
}
