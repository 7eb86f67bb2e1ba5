package org.dsarflow.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An email about a complaint that went (or was left to the DPO) on one occasion: a step of its process. */
@Entity
@Table(name = "dsar_complaint_sent_email")
@IdClass(SentComplaintEmail.Key.class)
public class SentComplaintEmail extends PanacheEntityBase {

    @Id
    public Long complaintId;

    @Id
    @Enumerated(EnumType.STRING)
    public ComplaintEmail template;

    @Id
    public String occasion;

    public record Key(Long complaintId, ComplaintEmail template, String occasion) implements Serializable {
    }

    static SentComplaintEmail of(Long complaintId, ComplaintEmail template, String occasion) {
        SentComplaintEmail sent = new SentComplaintEmail();
        sent.complaintId = complaintId;
        sent.template = template;
        sent.occasion = occasion;
        return sent;
    }

    static boolean exists(Long complaintId, ComplaintEmail template, String occasion) {
        return findByIdOptional(new Key(complaintId, template, occasion)).isPresent();
    }
}
