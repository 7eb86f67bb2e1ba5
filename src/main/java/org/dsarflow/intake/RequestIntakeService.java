package org.dsarflow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.audit.AuditLog;
import org.dsarflow.notification.EmailTemplate;
import org.dsarflow.notification.Notifications;
import org.dsarflow.process.RequestProcess;
import org.dsarflow.shared.ConflictException;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.InvalidInputException;
import org.dsarflow.shared.Sequences;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HexFormat;
import java.util.Optional;

/** Logs requests (each with its process instance, in one transaction) and cancels them. */
@ApplicationScoped
public class RequestIntakeService {

    private static final Logger LOG = Logger.getLogger(RequestIntakeService.class);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** How long a retry waits for a concurrent first attempt with the same key to commit. */
    private static final Duration CONCURRENT_ATTEMPT_WAIT = Duration.ofSeconds(10);
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Request numbers are drawn before the insert, because the reference is made from them. */
    private static final String REQUEST_SEQUENCE = "dsar_request_seq";

    private final RequestProcess process;
    private final RequestViews views;
    private final Sequences sequences;
    private final DsarConfig config;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    RequestIntakeService(RequestProcess process, RequestViews views, Sequences sequences,
                         DsarConfig config, AuditLog audit, Notifications notifications, Clock clock) {
        this.audit = audit;
        this.notifications = notifications;
        this.process = process;
        this.sequences = sequences;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    public record Logged(RequestView view, boolean replayed) {
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
        Receipt receipt = Receipt.parse(body.receivedAt(), config.timeZone())
                .requirePlausible(Instant.now(clock), LocalDate.now(clock));
        if (idempotencyKey == null) {
            return QuarkusTransaction.requiringNew().call(() -> create(body, receipt, null, null, actor));
        }
        String key = validKey(idempotencyKey);
        String fingerprint = fingerprint(body);
        Optional<Logged> earlier = QuarkusTransaction.requiringNew().call(() -> replay(key, fingerprint));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(body, receipt, key, fingerprint, actor));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return awaitConcurrentAttempt(key, fingerprint).orElseThrow(() -> e);
        }
    }

    @Transactional
    public RequestView cancel(String reference, CancelBody body, String actor) {
        DsarRequest request = DsarRequest.require(reference);
        if (request.status.isClosed()) {
            throw new ConflictException("REQUEST_CLOSED", "Request " + reference + " is already " + request.status);
        }
        request.cancel(body.reason().strip(), Instant.now(clock));
        audit.record(reference, "REQUEST_CANCELLED", AuditLog.detail("status", request.status));
        process.cancel(reference);
        LOG.infof("Request %s cancelled by %s", reference, actor);
        return views.of(request);
    }

    private Logged create(LogRequestBody body, Receipt receipt, String key, String fingerprint, String actor) {
        DsarRequest request = new DsarRequest();
        request.type = body.type();
        request.channel = body.channel();
        request.status = RequestStatus.RECEIVED;
        request.receivedAt = receipt.at();
        request.receivedTimeKnown = receipt.timeKnown();
        request.receivedOn = receipt.on();
        request.loggedAt = Instant.now(clock);
        request.loggedBy = actor;
        request.requester.name = body.requester().name().strip();
        request.requester.email = body.requester().email();
        request.requester.phone = body.requester().phone();
        request.requester.postalAddress = body.requester().postalAddress();
        if (body.identifiers() != null) {
            body.identifiers().forEach((k, v) -> request.identifiers.put(k, v.strip()));
        }
        if (body.studyKeys() != null) {
            request.studyKeys.addAll(body.studyKeys());
        }
        if (body.changes() != null) {
            body.changes().forEach((k, v) -> request.changes.put(k, v.strip()));
        }
        request.details = body.details();
        request.idempotencyKey = key;
        request.idempotencyFingerprint = fingerprint;
        request.id = sequences.next(REQUEST_SEQUENCE);
        request.reference = "DSAR-%d-%06d".formatted(Year.now(clock).getValue(), request.id);
        // Flush first: a concurrent duplicate key fails here, before an engine instance is started.
        request.persistAndFlush();
        // Identifier names, never their values.
        audit.record(request.reference, "REQUEST_LOGGED", AuditLog.detail("type", request.type,
                "channel", request.channel, "receivedOn", request.receivedOn,
                "identifierKeys", request.identifiers.keySet(), "studyKeys", request.studyKeys,
                "idempotent", key != null));
        process.start(request.reference);
        notifications.send(request.reference, EmailTemplate.ACKNOWLEDGEMENT);
        notifications.send(request.reference, EmailTemplate.DPO_NEW_REQUEST);
        LOG.infof("Request %s (%s) logged by %s", request.reference, request.type, actor);
        return new Logged(views.of(request), false);
    }

    private Optional<Logged> replay(String key, String fingerprint) {
        return DsarRequest.findByIdempotencyKey(key).map(existing -> {
            if (!fingerprint.equals(existing.idempotencyFingerprint)) {
                throw new ConflictException("IDEMPOTENCY_KEY_REUSED",
                        IDEMPOTENCY_KEY + " was already used for a different request body");
            }
            return new Logged(views.of(existing), true);
        });
    }

    /**
     * The first attempt holds the key but may not have committed yet; wait a bounded time for it. A
     * database that blocks on the key (PostgreSQL) has committed by now; one that fails fast (H2) may not.
     */
    private Optional<Logged> awaitConcurrentAttempt(String key, String fingerprint) {
        Instant giveUp = Instant.now().plus(CONCURRENT_ATTEMPT_WAIT);
        Optional<Logged> earlier = QuarkusTransaction.requiringNew().call(() -> replay(key, fingerprint));
        while (earlier.isEmpty() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            earlier = QuarkusTransaction.requiringNew().call(() -> replay(key, fingerprint));
        }
        return earlier;
    }

    private static String validKey(String key) {
        String trimmed = key.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200 || !trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must be 1 to 200 printable ASCII characters without spaces");
        }
        return trimmed;
    }

    /** The body in canonical form (map keys sorted), hashed, so key order and whitespace do not matter. */
    private static String fingerprint(LogRequestBody body) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint a request body", e);
        }
    }

    /** SQLSTATE 23505 is a unique violation in H2 and PostgreSQL alike. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
