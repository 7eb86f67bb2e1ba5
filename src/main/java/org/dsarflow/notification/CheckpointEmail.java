package org.dsarflow.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** The day's audit checkpoint, emailed to the DPO mailbox: one a day whichever node sent it. */
@Entity
@Table(name = "dsar_checkpoint_email")
public class CheckpointEmail extends PanacheEntityBase {

    /** The day, in the service's time zone; the primary key keeps a second node from sending it again. */
    @Id
    public LocalDate sentOn;

    public long seq;

    public String hash;

    static CheckpointEmail of(LocalDate day, long seq, String hash) {
        CheckpointEmail sent = new CheckpointEmail();
        sent.sentOn = day;
        sent.seq = seq;
        sent.hash = hash;
        return sent;
    }

    static boolean sentOn(LocalDate day) {
        return findByIdOptional(day).isPresent();
    }
}
