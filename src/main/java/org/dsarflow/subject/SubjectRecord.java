package org.dsarflow.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One person in one study, as the participant registry holds them. Written by the registry import. */
@Entity
@Table(name = "dsar_subject")
public class SubjectRecord extends PanacheEntityBase {

    @Id
    public Long id;

    public String studyKey;

    public String subjectRef;

    public String category;

    public Instant importedAt;

    /** The request that restricted processing of this record, until the DPO lifts it. */
    public String restrictedBy;

    @ElementCollection
    @CollectionTable(name = "dsar_subject_holding", joinColumns = @JoinColumn(name = "subject_id"))
    @Column(name = "holding_key")
    public Set<String> holdings = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "dsar_subject_attribute", joinColumns = @JoinColumn(name = "subject_id"))
    @MapKeyColumn(name = "attribute_name")
    @Column(name = "attribute_value")
    public Map<String, String> attributes = new LinkedHashMap<>();

    static boolean holdingInUse(String studyKey, String holdingKey) {
        return count("studyKey = ?1 and ?2 member of holdings", studyKey, holdingKey) > 0;
    }
}
