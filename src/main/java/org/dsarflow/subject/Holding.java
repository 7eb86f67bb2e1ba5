package org.dsarflow.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One dataset of a study in one place. */
@Entity
@Table(name = "dsar_holding")
public class Holding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_holding_seq")
    @SequenceGenerator(name = "dsar_holding_seq", sequenceName = "dsar_holding_seq", allocationSize = 50)
    public Long id;

    public String studyKey;

    @Column(name = "holding_key")
    public String key;

    public String location;

    @Enumerated(EnumType.STRING)
    public Custody custody;

    @Enumerated(EnumType.STRING)
    public Identifiability identifiability;

    @Enumerated(EnumType.STRING)
    public DataSource source;

    public String retention;

    public LocalDate retentionUntil;

    /** ISO-8601 period, e.g. P12M, where the retention rule has one. */
    public String retentionPeriod;

    /**
     * Liable to contain other people's information (interview recordings and transcripts, free-text answers,
     * case notes): an access request's copy of it waits for the DPO's redaction step.
     */
    public boolean othersInformation;

    /** Where an external holding's custodian is emailed what to do; none: the DPO tells them another way. */
    public String custodianMailbox;

    /** An internal, identified holding really holds the person's identifiers, so they are kept for it. */
    public boolean holdsRawIdentifiers() {
        return custody == Custody.INTERNAL && identifiability == Identifiability.IDENTIFIED;
    }
}
