package org.dsarflow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Request numbers from the database sequence {@code dsar_request_seq}: unique across every node that
 * shares the database, in the dialect's own syntax (H2 and PostgreSQL differ).
 */
@ApplicationScoped
public class RequestSequence {

    private static final String SEQUENCE = "dsar_request_seq";

    private final EntityManager entityManager;
    private final String nextValue;

    RequestSequence(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.nextValue = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(SEQUENCE);
    }

    public long next() {
        return ((Number) entityManager.createNativeQuery(nextValue).getSingleResult()).longValue();
    }
}
