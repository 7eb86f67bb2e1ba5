package org.dsarflow.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.Idempotency;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.dsarflow.shared.Sequences;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;

/** Logs requests (each with its process instance, in one transaction) and cancels them. */
@ApplicationScoped
public class RequestIntakeService {

    private static final Logger LOG = Logger.getLogger(RequestIntakeService.class);
    public static final String IDEMPOTENCY_KEY = Idempotency.HEADER;
    /** Request numbers are drawn before the insert, because the reference is made from them. */
    private static final String REQUEST_SEQUENCE = "dsar_request_seq";

    /** A request keeps the key that logged it, and its body's fingerprint. */
    private static final Idempotency.Kept<DsarRequest> KEPT = new Idempotency.Kept<>(
            DsarRequest::findByIdempotencyKey, request -> request.idempotencyFingerprint);

    private final Idempotency idempotency;
    private final Sequences sequences;
    private final DsarConfig config;
    private final AuditLog audit;
    private final Event<RequestLogged> logged;
    private final Event<RequestCancelled> cancelled;
    private final Clock clock;
    private final KnownStudies studies;

    RequestIntakeService(Idempotency idempotency, Sequences sequences, DsarConfig config, AuditLog audit,
                         Event<RequestLogged> logged, Event<RequestCancelled> cancelled, Clock clock,
                         KnownStudies studies) {
        this.studies = studies;
        this.idempotency = idempotency;
        this.sequences = sequences;
        this.config = config;
        this.audit = audit;
        this.logged = logged;
        this.cancelled = cancelled;
        this.clock = clock;
    }

    /** A logged request, and whether an earlier attempt under the same idempotency key had logged it. */
    public record Logged(DsarRequest request, boolean replayed) {
    }

    /**
     * Logs a request. With an idempotency key, a retry of the same body returns the request the
     * first attempt created, even when both arrive at once; a different body under a used key is refused.
     */
    public Logged log(LogRequestBody body, String idempotencyKey, String actor) {
        if (!body.requester().contactable()) {
            throw new InvalidInputException("requester",
                    "requester needs at least one of email, phone or postalAddress to be answered");
        }
        if (body.changes() != null && !body.changes().isEmpty() && body.type() != RequestType.RECTIFICATION) {
            throw new InvalidInputException("changes", "changes are the corrections of a RECTIFICATION request");
        }
        if (body.studyKeys() != null) {
            studies.requireKnown("studyKeys", body.studyKeys());
        }
        Receipt receipt = Receipt.parse(body.receivedAt(), config.timeZone())
                .requirePlausible(Instant.now(clock), LocalDate.now(clock));
        if (idempotencyKey == null) {
            return new Logged(QuarkusTransaction.requiringNew().call(() -> create(body, receipt, null, actor)), false);
        }
        Idempotency.Claim claim = idempotency.claim(idempotencyKey, body);
        Idempotency.Attempt<DsarRequest> attempt = idempotency.once(claim, KEPT,
                () -> create(body, receipt, claim, actor));
        return new Logged(attempt.created(), attempt.replayed());
    }

    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest cancel(String reference, CancelBody body, String actor) {
        DsarRequest request = DsarRequest.requireLocked(reference).requireOpen();
        request.cancel(body.reason().strip(), Instant.now(clock));
        audit.record(reference, "REQUEST_CANCELLED", AuditLog.detail("status", request.status));
        cancelled.fire(new RequestCancelled(reference));
        LOG.infof("Request %s cancelled by %s", reference, actor);
        return request;
    }

    private DsarRequest create(LogRequestBody body, Receipt receipt, Idempotency.Claim claim, String actor) {
        long id = sequences.next(REQUEST_SEQUENCE);
        DsarRequest request = DsarRequest.log(id, "DSAR-%d-%06d".formatted(Year.now(clock).getValue(), id),
                body.logging(receipt), Instant.now(clock), actor);
        if (Boolean.TRUE.equals(body.askedForRecipients())) {
            request.askForRecipients();
        }
        if (claim != null) {
            request.claimedBy(claim.key(), claim.fingerprint());
        }
        // Written at commit with everything the process's first steps recorded, in one insert: a concurrent
        // duplicate of the idempotency key fails there, and the whole attempt, engine steps too, rolls back.
        request.persist();
        // Identifier names, never their values; for a representative, how they stand to the subject.
        Map<String, Object> detail = AuditLog.detail("type", request.type,
                "channel", request.channel, "receivedOn", request.receivedOn,
                "identifierKeys", request.identifiers.keySet(), "studyKeys", request.studyKeys,
                "idempotent", claim != null);
        if (request.madeOnBehalf()) {
            detail.put("onBehalfOf", request.onBehalfOf.relationship);
        }
        if (request.askedForRecipients) {
            detail.put("askedForRecipients", true);
        }
        audit.record(request.reference, "REQUEST_LOGGED", detail);
        logged.fire(new RequestLogged(request.reference, request.type, request.channel));
        LOG.infof("Request %s (%s) logged by %s", request.reference, request.type, actor);
        return request;
    }
}
