package org.dsarflow.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Values of database sequences, unique across every node that shares the database, in the
 * dialect's own syntax (H2 and PostgreSQL differ).
 */
@ApplicationScoped
public class Sequences {

    private final EntityManager entityManager;
    private final Dialect dialect;

    Sequences(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.dialect = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
    }

    public long next(String sequence) {
        return ((Number) entityManager.createNativeQuery(nextValueSql(sequence)).getSingleResult()).longValue();
    }

    public String nextValueSql(String sequence) {
        return dialect.getSequenceSupport().getSequenceNextValString(sequence);
    }
}
