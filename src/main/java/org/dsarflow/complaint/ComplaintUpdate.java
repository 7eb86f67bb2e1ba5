package org.dsarflow.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A progress update on a complaint: an enquiry made, a finding; emailed to the complainant when marked so. */
@Entity
@Table(name = "dsar_complaint_update")
public class ComplaintUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_complaint_update_seq")
    @SequenceGenerator(name = "dsar_complaint_update_seq", sequenceName = "dsar_complaint_update_seq", allocationSize = 50)
    public Long id;

    public Long complaintId;

    /** 1, 2, … within the complaint. */
    public int number;

    public Instant at;

    public String madeBy;

    /** Personal data, like the summary: never shown to auditors. */
    public String note;

    public boolean tellComplainant;

    /** When the update email went (or was left to the DPO for want of an address). */
    public Instant toldAt;

    static ComplaintUpdate of(Complaint complaint, int number, String note, boolean tell, Instant at, String by) {
        ComplaintUpdate update = new ComplaintUpdate();
        update.complaintId = complaint.id;
        update.number = number;
        update.note = note;
        update.tellComplainant = tell;
        update.at = at;
        update.madeBy = by;
        return update;
    }

    public static List<ComplaintUpdate> of(Long complaintId) {
        return list("complaintId = ?1 order by number", complaintId);
    }

    static long count(Long complaintId) {
        return count("complaintId", complaintId);
    }

    /** The oldest update marked for the complainant that has not been emailed yet. */
    static Optional<ComplaintUpdate> nextToTell(Long complaintId) {
        return find("complaintId = ?1 and tellComplainant = true and toldAt is null order by number", complaintId)
                .firstResultOptional();
    }

    void told(Instant when) {
        toldAt = when;
    }

    /** The retention of the closed complaint has run out: the note may name the complainant. */
    void forgetNote() {
        note = null;
    }
}
