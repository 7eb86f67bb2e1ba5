package org.dsarflow.repeat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * The request's own lookup table: one keyed hash per identifier scheme the request's identifiers (or the
 * requester's email) complete, so a later request from the same person meets it on an equal hash.
 */
@Entity
@Table(name = "dsar_request_lookup")
@IdClass(RequestLookup.Key.class)
public class RequestLookup extends PanacheEntityBase {

    @Id
    public Long requestId;

    /** Lowercase hex HMAC-SHA256, from the same hasher as the registry's lookup index. */
    @Id
    public String lookupHash;

    /** The scheme hashed, e.g. {@code email}: a name, never a value. */
    public String scheme;

    public record Key(Long requestId, String lookupHash) implements Serializable {
    }

    static RequestLookup of(long requestId, String lookupHash, String scheme) {
        RequestLookup lookup = new RequestLookup();
        lookup.requestId = requestId;
        lookup.lookupHash = lookupHash;
        lookup.scheme = scheme;
        return lookup;
    }
}
