package org.dsarflow.fulfilment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Art. 19: a recipient of a study told of a rectification, erasure or restriction of the requester's data. */
@Entity
@Table(name = "dsar_recipient_notice")
public class RecipientNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_recipient_notice_seq")
    @SequenceGenerator(name = "dsar_recipient_notice_seq", sequenceName = "dsar_recipient_notice_seq", allocationSize = 50)
    public Long id;

    public Long requestId;

    public String studyKey;

    public String recipient;

    /** The actions told, comma-separated, e.g. "ERASE,RETAIN_PSEUDONYMISED". */
    public String actions;

    public Instant recordedAt;

    /** How the recipient was told: SENT by email, or NOT_SENDABLE (no mailbox); null until the email step ran. */
    public String delivery;

    public Instant deliveredAt;

    /** The notices of a request not yet emailed nor found unsendable. */
    public static List<RecipientNotice> untold(Long requestId) {
        return list("requestId = ?1 and delivery is null order by id", requestId);
    }

    public void sent(Instant at) {
        delivery = "SENT";
        deliveredAt = at;
    }

    public void notSendable(Instant at) {
        delivery = "NOT_SENDABLE";
        deliveredAt = at;
    }

    public static List<RecipientNotice> of(Collection<Long> requestIds) {
        return list("requestId in ?1 order by requestId, id", requestIds);
    }
}
