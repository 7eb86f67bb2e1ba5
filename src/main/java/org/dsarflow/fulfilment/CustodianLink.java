package org.dsarflow.fulfilment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A link emailed to the custodian of an external holding, to confirm they have acted without an account.
 * Its token names this row; {@link #usedAt} makes it single-use.
 */
@Entity
@Table(name = "dsar_custodian_link")
public class CustodianLink extends PanacheEntityBase {

    @Id
    public String id;

    public Long requestId;

    public String studyKey;

    public String holdingKey;

    /** The process step that emailed it: a retry of that step sends no second link. */
    public String occasion;

    public Instant issuedAt;

    public Instant expiresAt;

    public Instant usedAt;

    static CustodianLink issue(String id, Long requestId, String studyKey, String holdingKey, String occasion,
                               Instant at, Instant expiresAt) {
        CustodianLink link = new CustodianLink();
        link.id = id;
        link.requestId = requestId;
        link.studyKey = studyKey;
        link.holdingKey = holdingKey;
        link.occasion = occasion;
        link.issuedAt = at;
        link.expiresAt = expiresAt;
        return link;
    }

    static boolean issued(String occasion, String studyKey, String holdingKey) {
        return count("occasion = ?1 and studyKey = ?2 and holdingKey = ?3", occasion, studyKey, holdingKey) > 0;
    }

    /** The link, locked until the transaction ends, so that two confirmations at once cannot both use it. */
    static Optional<CustodianLink> locked(String id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    boolean used() {
        return usedAt != null;
    }

    void use(Instant at) {
        usedAt = at;
    }
}
