package org.dsarflow.decision;

import org.dsarflow.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dsarflow.decision.RefusalReason.MANIFESTLY_EXCESSIVE;
import static org.dsarflow.decision.RefusalReason.NO_AUTHORITY_TO_ACT;
import static org.dsarflow.decision.ResponseRecipient.REQUESTER;
import static org.dsarflow.decision.ResponseRecipient.SUBJECT;

/** The child judgement's rule, case by case: who may be answered, and what each judgement needs. */
class ChildJudgementTest {

    static Stream<Arguments> allowed() {
        return Stream.of(
                // onBehalf, approved, refusal, competent, agreed, respondTo
                Arguments.of("not competent: the parent", true, true, null, false, null, REQUESTER),
                Arguments.of("competent and agreed: the parent", true, true, null, true, true, REQUESTER),
                Arguments.of("competent and agreed: the child", true, true, null, true, true, SUBJECT),
                Arguments.of("competent, did not agree: the child", true, true, null, true, false, SUBJECT),
                Arguments.of("competent, did not agree: refused to the parent", true, false, NO_AUTHORITY_TO_ACT,
                        true, false, REQUESTER),
                Arguments.of("excessive, whatever the child", true, false, MANIFESTLY_EXCESSIVE, false, null, REQUESTER),
                Arguments.of("the child asked, competent", false, true, null, true, null, REQUESTER),
                Arguments.of("the child asked, not competent", false, true, null, false, null, REQUESTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void allows(String name, boolean onBehalf, boolean approved, RefusalReason refusal, boolean competent,
                Boolean agreed, ResponseRecipient respondTo) {
        assertThatCode(() -> ChildJudgement.check(onBehalf, approved, refusal, competent, agreed, respondTo))
                .doesNotThrowAnyException();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("not competent: not the child", true, true, null, false, null, SUBJECT,
                        "childJudgement.respondTo"),
                Arguments.of("not competent: no agreement asked", true, true, null, false, true, REQUESTER,
                        "childJudgement.agreedToRepresentative"),
                Arguments.of("competent: whether they agreed", true, true, null, true, null, REQUESTER,
                        "childJudgement.agreedToRepresentative"),
                Arguments.of("competent, did not agree: not the parent", true, true, null, true, false, REQUESTER,
                        "childJudgement.respondTo"),
                Arguments.of("a refusal goes to the requester", true, false, NO_AUTHORITY_TO_ACT, true, false, SUBJECT,
                        "childJudgement.respondTo"),
                Arguments.of("no authority, though the child agreed", true, false, NO_AUTHORITY_TO_ACT, true, true,
                        REQUESTER, "refusalReason"),
                Arguments.of("the child asked: no one to agree to", false, true, null, true, true, REQUESTER,
                        "childJudgement.agreedToRepresentative"),
                Arguments.of("the child asked: answered themselves", false, true, null, true, null, SUBJECT,
                        "childJudgement.respondTo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, boolean onBehalf, boolean approved, RefusalReason refusal, boolean competent,
                 Boolean agreed, ResponseRecipient respondTo, String field) {
        assertThatThrownBy(() -> ChildJudgement.check(onBehalf, approved, refusal, competent, agreed, respondTo))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field));
    }
}
