package org.dsarflow.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Whom a requester acts for: the data subject, whose identifiers the request carries. The subject's name
 * is personal data, deleted with the request's other personal data.
 */
@Embeddable
public class OnBehalfOf {

    @Enumerated(EnumType.STRING)
    @Column(name = "on_behalf_relationship")
    public Relationship relationship;

    @Column(name = "on_behalf_subject_name")
    public String subjectName;

    /** As the requester describes the subject, e.g. CHILD; the located record's category may say more. */
    @Column(name = "on_behalf_subject_category")
    public String subjectCategory;

    protected OnBehalfOf() {
    }

    OnBehalfOf(Relationship relationship, String subjectName, String subjectCategory) {
        this.relationship = relationship;
        this.subjectName = subjectName;
        this.subjectCategory = subjectCategory;
    }
}
