package org.dsarflow.decision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dsarflow.Studies;
import org.dsarflow.intake.RequestType;
import org.dsarflow.subject.Custody;
import org.dsarflow.subject.DataSource;
import org.dsarflow.subject.Identifiability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dsarflow.Api.admin;
import static org.dsarflow.Api.dpo;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every row of the analysis-phase check (PRODUCT.md §6) through the API: a study of its own per row, one
 * person held in each of its holdings, a request logged, and the actions proposed for review.
 */
@QuarkusTest
class DecisionTableProcessTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private static final String STUDY_SINCE = "2024-01-01";
    private static final String PHASE_SET_ON = "2024-01-15";
    private static final String RECEIVED = "2024-02-01";
    private static final String MOVED_AFTER_RECEIPT = "2024-03-01";

    /** One holding of each kind the table tells apart; the person is held in all of them. */
    private static final Map<String, HoldingFacts> HOLDINGS = holdings(
            new HoldingFacts("identified", "restricted shared drive", Custody.INTERNAL, Identifiability.IDENTIFIED,
                    DataSource.PRIMARY),
            new HoldingFacts("pseudonymised", "Online survey platform", Custody.EXTERNAL,
                    Identifiability.PSEUDONYMISED, DataSource.PRIMARY),
            new HoldingFacts("secondary", "Local authority case records", Custody.INTERNAL, Identifiability.IDENTIFIED,
                    DataSource.SECONDARY),
            new HoldingFacts("anonymised", "Secure research archive", Custody.EXTERNAL, Identifiability.ANONYMISED,
                    DataSource.PRIMARY));

    private static final String CONSENT = "Consent, obtained before the survey";
    private static final String CONTRACT = "Performance of a contract";
    private static final String PUBLIC_TASK = "Public task";

    private final List<String> logged = new ArrayList<>();

    /** Cancelled once checked: open reviews left behind would crowd other tests' tasks off the inbox's first page. */
    @AfterEach
    void cancelLoggedRequests() {
        for (String reference : logged) {
            dpo().body(Map.of("reason", "Test finished")).post("/api/requests/{ref}/cancel", reference).then()
                    .statusCode(200);
        }
        logged.clear();
    }

    /** A row: the request type, the study's phase at receipt, the lawful basis, and the action per holding. */
    record Row(String type, String phase, String lawfulBasis, Map<String, Action> expected) {
        @Override
        public String toString() {
            return type + " in " + phase + " (" + lawfulBasis + "): " + expected;
        }
    }

    static Stream<Arguments> rows() {
        Stream<Row> erasures = Stream.of("ERASURE", "CONSENT_WITHDRAWAL", "OBJECTION").flatMap(type -> Stream.of(
                new Row(type, "COLLECTION", PUBLIC_TASK, onEveryHoldingWithData(Action.ERASE)),
                new Row(type, "ANALYSIS", CONSENT, onEveryHoldingWithData(Action.RETAIN_PSEUDONYMISED)),
                new Row(type, "ARCHIVED", CONSENT, onEveryHoldingWithData(Action.RETAIN_PSEUDONYMISED)),
                new Row(type, "CLOSED", PUBLIC_TASK, onEveryHoldingWithData(Action.NOT_HELD))));
        Stream<Row> others = Stream.of(
                new Row("RESTRICTION", "ANALYSIS", PUBLIC_TASK, onEveryHoldingWithData(Action.RESTRICT)),
                new Row("RESTRICTION", "CLOSED", PUBLIC_TASK, onEveryHoldingWithData(Action.NOT_HELD)),
                new Row("RECTIFICATION", "COLLECTION", PUBLIC_TASK, onEveryHoldingWithData(Action.RECTIFY)),
                new Row("RECTIFICATION", "CLOSED", PUBLIC_TASK, onEveryHoldingWithData(Action.NOT_HELD)),
                new Row("ACCESS", "ARCHIVED", PUBLIC_TASK, onEveryHoldingWithData(Action.EXPORT)),
                new Row("ACCESS", "CLOSED", PUBLIC_TASK, onEveryHoldingWithData(Action.NOT_HELD)),
                new Row("PORTABILITY", "COLLECTION", CONSENT,
                        expected(Action.EXPORT, Action.EXPORT, Action.NOT_APPLICABLE)),
                new Row("PORTABILITY", "ANALYSIS", CONTRACT,
                        expected(Action.EXPORT, Action.EXPORT, Action.NOT_APPLICABLE)),
                new Row("PORTABILITY", "ANALYSIS", PUBLIC_TASK,
                        expected(Action.NOT_APPLICABLE, Action.NOT_APPLICABLE, Action.NOT_APPLICABLE)),
                new Row("PORTABILITY", "CLOSED", CONSENT, onEveryHoldingWithData(Action.NOT_HELD)));
        return Stream.concat(erasures, others).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowOfTheTableIsProposedForReview(Row row) {
        String study = createStudy(row.lawfulBasis());
        String email = importPerson(study);
        if (!row.phase().equals("COLLECTION")) {
            movePhase(study, row.phase(), PHASE_SET_ON);
        }

        JsonPath view = awaitingReview(logRequest(study, row.type(), email));

        assertThat(view.getString("decision.phaseBasis")).isEqualTo("AT_RECEIPT");
        assertPhase(view, study, row.phase(), row.phase(), row.phase(), "AT_RECEIPT");
        assertActions(view, study, RequestType.valueOf(row.type()), row.expected());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ERASURE", "CONSENT_WITHDRAWAL", "OBJECTION"})
    void analysisStartingAfterReceiptDoesNotSaveDataThatHadToBeErased(String type) {
        String study = createStudy(CONSENT);
        String email = importPerson(study);
        movePhase(study, "ANALYSIS", MOVED_AFTER_RECEIPT);

        JsonPath view = awaitingReview(logRequest(study, type, email));

        assertThat(view.getString("decision.phaseBasis")).isEqualTo("AT_RECEIPT");
        assertPhase(view, study, "COLLECTION", "ANALYSIS", "COLLECTION", "AT_RECEIPT");
        assertThat(view.getString("decision.phases[0].reason")).contains(RECEIVED);
        assertActions(view, study, RequestType.valueOf(type), onEveryHoldingWithData(Action.ERASE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ERASURE", "ACCESS", "PORTABILITY"})
    void aStudyClosedSinceReceiptHoldsNothing(String type) {
        String study = createStudy(CONSENT);
        String email = importPerson(study);
        movePhase(study, "CLOSED", MOVED_AFTER_RECEIPT);

        JsonPath view = awaitingReview(logRequest(study, type, email));

        assertThat(view.getString("decision.phaseBasis")).isEqualTo("TODAY");
        assertPhase(view, study, "COLLECTION", "CLOSED", "CLOSED", "TODAY");
        assertActions(view, study, RequestType.valueOf(type), onEveryHoldingWithData(Action.NOT_HELD));
    }

    @ParameterizedTest(name = "registered {0} after receipt: at receipt {1}, decided on {2} ({3})")
    @MethodSource("registeredAfterReceipt")
    void aStudyRegisteredAfterReceiptIsDecidedOnWhatCanBeKnown(String registeredAs, String atReceipt, String used,
                                                              String basis, Action action) {
        String study = createStudy(CONSENT, registeredAs, MOVED_AFTER_RECEIPT);
        String email = importPerson(study);

        JsonPath view = awaitingReview(logRequest(study, "ERASURE", email));

        assertThat(view.getString("decision.phaseBasis")).isEqualTo(basis);
        assertPhase(view, study, atReceipt, registeredAs, used, basis);
        assertActions(view, study, RequestType.ERASURE, onEveryHoldingWithData(action));
    }

    static Stream<Arguments> registeredAfterReceipt() {
        return Stream.of(
                Arguments.of("ANALYSIS", "COLLECTION", "COLLECTION", "AT_RECEIPT", Action.ERASE),
                Arguments.of("ARCHIVED", null, "ARCHIVED", "TODAY", Action.RETAIN_PSEUDONYMISED));
    }

    private static void assertPhase(JsonPath view, String study, String atReceipt, String today, String used,
                                    String basis) {
        assertThat(view.getList("decision.phases")).hasSize(1);
        assertThat(view.getString("decision.phases[0].studyKey")).isEqualTo(study);
        assertThat(view.getString("decision.phases[0].atReceipt")).isEqualTo(atReceipt);
        assertThat(view.getString("decision.phases[0].today")).isEqualTo(today);
        assertThat(view.getString("decision.phases[0].used")).isEqualTo(used);
        assertThat(view.getString("decision.phases[0].basis")).isEqualTo(basis);
        assertThat(view.getString("decision.phases[0].reason")).isNotBlank();
    }

    /** One proposed action per holding, described exactly as the table describes it. */
    private static void assertActions(JsonPath view, String study, RequestType type, Map<String, Action> expected) {
        List<Map<String, Object>> actions = view.getList("decision.actions");
        assertThat(actions).extracting(a -> a.get("holdingKey"))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map<String, Object> action : actions) {
            String holdingKey = (String) action.get("holdingKey");
            HoldingFacts holding = HOLDINGS.get(holdingKey);
            Proposal proposal = DecisionTable.describe(expected.get(holdingKey), type, holding);
            assertThat(action)
                    .as(holdingKey)
                    .containsEntry("studyKey", study)
                    .containsEntry("subjectRef", "P-1")
                    .containsEntry("custody", holding.custody().name())
                    .containsEntry("action", proposal.action().name())
                    .containsEntry("proposedAction", proposal.action().name())
                    .containsEntry("state", "PROPOSED")
                    .containsEntry("basis", proposal.basis())
                    .containsEntry("explanation", proposal.explanation());
            assertThat((String) action.get("basis")).as(holdingKey).isNotBlank();
            assertThat((String) action.get("explanation")).as(holdingKey).isNotBlank()
                    .startsWith(Character.toUpperCase(holding.location().charAt(0)) + holding.location().substring(1));
        }
    }

    private static JsonPath awaitingReview(String reference) {
        return dpo().get("/api/requests/{ref}", reference).then().statusCode(200)
                .body("status", equalTo("AWAITING_REVIEW"))
                .body("match.status", equalTo("UNIQUE"))
                .extract().jsonPath();
    }

    private String logRequest(String study, String type, String email) {
        Map<String, Object> body = new HashMap<>(Studies.requestFor(study, type, RECEIVED, Map.of("email", email)));
        if (type.equals("RECTIFICATION")) {
            body.put("changes", Map.of("stressScore", "3"));
        }
        String reference = dpo().body(body).post("/api/requests").then().statusCode(201)
                .extract().path("reference");
        logged.add(reference);
        return reference;
    }

    private static String createStudy(String lawfulBasis) {
        return createStudy(lawfulBasis, "COLLECTION", STUDY_SINCE);
    }

    private static String createStudy(String lawfulBasis, String phase, String phaseSince) {
        String key = "decision-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
        admin().body(Map.of(
                        "key", key,
                        "name", "Decision table study " + key,
                        "contactMailbox", "research@example.org",
                        "phase", phase,
                        "phaseSince", phaseSince,
                        "identifierSchemes", List.of(List.of("email")),
                        "lawfulBases", List.of(Map.of("purpose", "Evaluate the programme", "basis", lawfulBasis)),
                        "recipients", List.of("Survey platform provider"),
                        "categories", List.of("SOCIAL_WORKER"),
                        "holdings", HOLDINGS.values().stream().map(h -> Studies.holding(h.key(), h.location(),
                                h.custody().name(), h.identifiability().name(), h.source().name())).toList()))
                .post("/api/studies").then().statusCode(201);
        return key;
    }

    /** Imports one person held in every holding, and answers their email. */
    private static String importPerson(String study) {
        String email = "person-" + study + "@example.org";
        Studies.importSubjects(study, List.of(Studies.subject("P-1", Map.of("email", email),
                HOLDINGS.keySet().toArray(String[]::new))));
        return email;
    }

    private static void movePhase(String study, String phase, String on) {
        admin().body(Map.of("phase", phase, "on", on)).post("/api/studies/{key}/phase", study).then().statusCode(200)
                .body("phase", equalTo(phase));
    }

    /** {@code action} on every holding with data; the anonymised one has nothing to act on. */
    private static Map<String, Action> onEveryHoldingWithData(Action action) {
        return expected(action, action, action);
    }

    private static Map<String, Action> expected(Action identified, Action pseudonymised, Action secondary) {
        Map<String, Action> expected = new LinkedHashMap<>();
        expected.put("identified", identified);
        expected.put("pseudonymised", pseudonymised);
        expected.put("secondary", secondary);
        expected.put("anonymised", Action.NOT_IDENTIFIABLE);
        return expected;
    }

    private static Map<String, HoldingFacts> holdings(HoldingFacts... holdings) {
        Map<String, HoldingFacts> byKey = new LinkedHashMap<>();
        for (HoldingFacts holding : holdings) {
            byKey.put(holding.key(), holding);
        }
        return byKey;
    }
}
