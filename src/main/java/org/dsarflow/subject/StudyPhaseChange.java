package org.dsarflow.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A dated phase change of a study, kept so the phase on any past date can be known. */
@Entity
@Table(name = "dsar_study_phase_change")
public class StudyPhaseChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dsar_phase_change_seq")
    @SequenceGenerator(name = "dsar_phase_change_seq", sequenceName = "dsar_phase_change_seq", allocationSize = 50)
    public Long id;

    public String studyKey;

    @Enumerated(EnumType.STRING)
    public StudyPhase previousPhase;

    @Enumerated(EnumType.STRING)
    public StudyPhase phase;

    public LocalDate phaseSince;

    public String correctionReason;

    public Instant recordedAt;

    public String recordedBy;
}
