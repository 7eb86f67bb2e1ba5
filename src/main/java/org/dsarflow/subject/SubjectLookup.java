package org.dsarflow.subject;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;

/** The lookup index: one keyed hash per subject and identifier scheme, never a raw identifier. */
@Entity
@Table(name = "dsar_subject_lookup")
@IdClass(SubjectLookup.Key.class)
public class SubjectLookup extends PanacheEntityBase {

    @Id
    public Long subjectId;

    @Id
    public String scheme;

    /** Lowercase hex in Java, 32 bytes in the column (BINARY(32) on H2, bytea on PostgreSQL). */
    @Convert(converter = LookupHashColumn.class)
    @JdbcTypeCode(SqlTypes.BINARY)
    @Column(length = 32)
    public String lookupHash;

    public record Key(Long subjectId, String scheme) implements Serializable {
    }
}
