package org.dsarflow.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/**
 * An email that went out (or was left to the DPO for want of an address) on one occasion: a step of the
 * request's process. A retry of that step skips what is recorded here, so no email goes twice.
 */
@Entity
@Table(name = "dsar_sent_email")
@IdClass(SentEmail.Key.class)
public class SentEmail extends PanacheEntityBase {

    @Id
    public Long requestId;

    @Id
    @Enumerated(EnumType.STRING)
    public EmailTemplate template;

    /** The process execution that sends it: the same across the retries of one step, another for the next step. */
    @Id
    public String occasion;

    public record Key(Long requestId, EmailTemplate template, String occasion) implements Serializable {
    }

    static SentEmail of(Long requestId, EmailTemplate template, String occasion) {
        SentEmail sent = new SentEmail();
        sent.requestId = requestId;
        sent.template = template;
        sent.occasion = occasion;
        return sent;
    }

    static boolean exists(Long requestId, EmailTemplate template, String occasion) {
        return findByIdOptional(new Key(requestId, template, occasion)).isPresent();
    }
}
