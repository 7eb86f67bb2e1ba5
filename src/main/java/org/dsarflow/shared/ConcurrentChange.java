package org.dsarflow.shared;

import jakarta.persistence.OptimisticLockException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.Set;

/** How a transaction that lost a race with another shows, however the engine, JPA or the driver wrapped it. */
public final class ConcurrentChange {

    /** PostgreSQL's deadlock and serialization failure: the database chose this transaction to give way. */
    private static final Set<String> GAVE_WAY = Set.of("40P01", "40001");

    private ConcurrentChange() {
    }

    /** Another transaction changed what this one read: JPA's or the engine's optimistic lock, H2's 90131. */
    public static boolean lostOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof OptimisticLockingException
                    || t instanceof StaleStateException) {
                return true;
            }
        }
        return "90131".equals(sqlStateOf(e));
    }

    /** Running the whole transaction again from the start may succeed: it lost a lock, a deadlock or a serialization check. */
    public static boolean worthRetrying(Throwable e) {
        String sqlState = sqlStateOf(e);
        return lostOptimisticLock(e) || sqlState != null && GAVE_WAY.contains(sqlState);
    }

    /** The SQL state of the first {@link SQLException} among the causes that has one. */
    static String sqlStateOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
