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
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One person in one study, as the participant registry holds them. Written by the registry import. */
@Entity
@Table(name = "dsar_subject")
public class SubjectRecord extends PanacheEntityBase {

    /** Records asked about in one query; a page of requests names far fewer. */
    private static final int RECORDS_PER_QUERY = 500;

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

    /**
     * Which of these records are in one of the categories. A row-value IN, so each record is one seek on
     * dsar_subject_ref_uk: H2 seeks an IN list of single values only on an index's leading column, and a
     * subjectRef without its study would scan the registry (RegistryQueryPlanTest).
     */
    public static Set<MatchedRecord> inCategories(Collection<MatchedRecord> records, Collection<String> categories) {
        List<MatchedRecord> asked = List.copyOf(records);
        Set<MatchedRecord> found = new HashSet<>();
        for (int from = 0; from < asked.size(); from += RECORDS_PER_QUERY) {
            List<MatchedRecord> chunk = asked.subList(from, Math.min(asked.size(), from + RECORDS_PER_QUERY));
            StringBuilder pairs = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                pairs.append(i == 0 ? "" : ", ").append("(:study").append(i).append(", :ref").append(i).append(')');
            }
            var query = getEntityManager().createNativeQuery("SELECT study_key, subject_ref FROM dsar_subject"
                    + " WHERE category IN (:categories) AND (study_key, subject_ref) IN (" + pairs + ")", Object[].class);
            query.setParameter("categories", categories);
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter("study" + i, chunk.get(i).studyKey());
                query.setParameter("ref" + i, chunk.get(i).subjectRef());
            }
            for (Object row : query.getResultList()) {
                Object[] columns = (Object[]) row;
                found.add(new MatchedRecord((String) columns[0], (String) columns[1]));
            }
        }
        return found;
    }
}
