package org.dsarflow.fulfilment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.dsarflow.decision.Action;
import org.dsarflow.decision.ActionState;
import org.dsarflow.decision.DecisionAction;
import org.dsarflow.fulfilment.CustodianLinkRefusedException.Refusal;
import org.dsarflow.intake.DsarRequest;
import org.dsarflow.shared.DsarConfig;
import org.dsarflow.shared.RetriedOnConcurrentChange;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed, expiring, single-use links that let the custodian of an external holding confirm they have
 * acted, without an account: issued when the custodian is emailed, opened by the confirmation page, and used
 * once to record the confirmation exactly as {@code POST /api/requests/{ref}/custodian-confirmations} does.
 */
@ApplicationScoped
public class CustodianLinks {

    /** Where the confirmation page lives; the token follows. */
    public static final String PAGE = "/workbench/custodian/";
    /** The audit trail's actor for a custodian's own confirmation: this prefix and the holding's key. */
    public static final String ACTOR_PREFIX = "custodian:";

    private static final Logger LOG = Logger.getLogger(CustodianLinks.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustodianService custodians;
    private final DsarConfig config;
    private final Clock clock;
    private final CustodianLinkToken tokens;

    CustodianLinks(CustodianService custodians, DsarConfig config, Clock clock) {
        this.custodians = custodians;
        this.config = config;
        this.clock = clock;
        this.tokens = CustodianLinkToken.keyed(config.custodian().linkKey(), config.identifierKey());
    }

    /** A link issued: the address to put in the email, and until when it works. */
    public record Issued(String url, Instant expiresAt) {
    }

    /** What the confirmation page shows: the task the link is for, never the requester. */
    public record Task(String reference, String studyKey, String holdingKey, Action action, LocalDate deadline,
                       Instant expiresAt) {
    }

    /**
     * Issues a link for the custodian task of {@code action}, on {@code occasion} (the step that emails it),
     * in the caller's transaction; empty if that step issued one already.
     */
    public Optional<Issued> issue(DsarRequest request, DecisionAction action, String occasion) {
        if (CustodianLink.issued(occasion, action.studyKey, action.holdingKey)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Instant expiresAt = now.atZone(config.timeZone()).plus(config.custodian().linkValidity()).toInstant();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        CustodianLink.issue(id, request.id, action.studyKey, action.holdingKey, occasion, now, expiresAt).persist();
        return Optional.of(new Issued(config.publicUrl() + PAGE + tokens.sign(id, expiresAt), expiresAt));
    }

    /** The task a link is for, if it may still be used. */
    @Transactional
    public Task open(String token) {
        CustodianLink link = usable(token, false);
        DsarRequest request = DsarRequest.<DsarRequest>findByIdOptional(link.requestId).orElseThrow();
        return new Task(request.reference, link.studyKey, link.holdingKey, action(link).action, request.deadline,
                link.expiresAt);
    }

    /**
     * Uses the link: records the custodian's confirmation through {@link CustodianService#confirm}, as the
     * API does, with actor {@code custodian:<holdingKey>}, and marks the link used, in one transaction.
     */
    @Transactional
    @RetriedOnConcurrentChange
    public DsarRequest confirm(String token, LocalDate confirmedOn, String note) {
        CustodianLink link = usable(token, true);
        DsarRequest request = DsarRequest.<DsarRequest>findByIdOptional(link.requestId).orElseThrow();
        link.use(Instant.now(clock));
        LOG.infof("Request %s: custodian link for %s/%s used", request.reference, link.studyKey, link.holdingKey);
        return custodians.confirm(request.reference,
                new CustodianConfirmationBody(link.holdingKey, link.studyKey, confirmedOn, note),
                ACTOR_PREFIX + link.holdingKey);
    }

    private CustodianLink usable(String token, boolean lock) {
        CustodianLinkToken.Claims claims = tokens.verify(token)
                .orElseThrow(() -> new CustodianLinkRefusedException(Refusal.NOT_VALID));
        if (!Instant.now(clock).isBefore(claims.expiresAt())) {
            throw new CustodianLinkRefusedException(Refusal.EXPIRED);
        }
        CustodianLink link = (lock ? CustodianLink.locked(claims.linkId())
                : CustodianLink.<CustodianLink>findByIdOptional(claims.linkId()))
                .filter(found -> found.expiresAt.getEpochSecond() == claims.expiresAt().getEpochSecond())
                .orElseThrow(() -> new CustodianLinkRefusedException(Refusal.NOT_VALID));
        if (link.used()) {
            throw new CustodianLinkRefusedException(Refusal.USED);
        }
        DsarRequest request = DsarRequest.<DsarRequest>findByIdOptional(link.requestId).orElseThrow();
        if (request.status.isClosed() || action(link).state != ActionState.AWAITING_CUSTODIAN) {
            throw new CustodianLinkRefusedException(Refusal.NO_LONGER_OPEN);
        }
        return link;
    }

    private static DecisionAction action(CustodianLink link) {
        return DecisionAction.of(link.requestId).stream()
                .filter(a -> a.studyKey.equals(link.studyKey) && a.holdingKey.equals(link.holdingKey))
                .findFirst().orElseThrow(() -> new CustodianLinkRefusedException(Refusal.NOT_VALID));
    }
}
