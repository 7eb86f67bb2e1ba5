package org.dsarflow.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;
import java.time.LocalDate;

/** The authority a representative showed to act for the data subject, as the DPO recorded it. */
@Embeddable
public class Authority {

    @Enumerated(EnumType.STRING)
    @Column(name = "authority_evidence")
    public AuthorityEvidence evidence;

    @Column(name = "authority_received_on")
    public LocalDate receivedOn;

    @Column(name = "authority_recorded_by")
    public String recordedBy;

    @Column(name = "authority_recorded_at")
    public Instant recordedAt;

    protected Authority() {
    }

    Authority(AuthorityEvidence evidence, LocalDate receivedOn, String recordedBy, Instant recordedAt) {
        this.evidence = evidence;
        this.receivedOn = receivedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }
}
