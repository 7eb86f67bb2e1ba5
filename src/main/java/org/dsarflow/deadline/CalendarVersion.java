package org.dsarflow.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.time.Instant;

/**
 * Which bank-holiday calendar is in force, as a number every node can compare with the copy it holds.
 * The one row is also the lock that orders replacements against transactions storing deadlines.
 */
@Entity
@Table(name = "dsar_calendar_version")
class CalendarVersion extends PanacheEntityBase {

    private static final int THE_ROW = 1;
    /** Hibernate's lock timeout for "wait as long as it takes". */
    private static final int WAIT_FOREVER = -1;

    @Id
    Integer id;

    @Column(name = "version_number")
    long number;

    Instant changedAt;

    /** The version in force, read without a lock: for answers that may lag a change by a moment. */
    static long current() {
        return find("select v.number from CalendarVersion v where v.id = ?1", THE_ROW)
                .project(Long.class).singleResult();
    }

    /**
     * The version in force, read under a shared lock held until the transaction ends: a replacement waits for
     * this transaction, and this one waits for a replacement under way, so what it stores is computed on the
     * calendar in force when it commits. A database without shared row locks (H2: Hibernate would take FOR
     * UPDATE, and every request logged would wait for the one before) is read without a lock; its embedded
     * database belongs to one process, so no other node can replace the calendar meanwhile.
     */
    static long sharedLock() {
        return hasSharedLocks() ? locked(LockModeType.PESSIMISTIC_READ).number : current();
    }

    private static boolean hasSharedLocks() {
        Dialect dialect = getEntityManager().getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
        return !dialect.getReadLockString(WAIT_FOREVER).equals(dialect.getForUpdateString());
    }

    /** The row under the exclusive lock a replacement holds until it commits. */
    static CalendarVersion exclusiveLock() {
        return locked(LockModeType.PESSIMISTIC_WRITE);
    }

    private static CalendarVersion locked(LockModeType mode) {
        // One SELECT ... FOR SHARE / FOR UPDATE. The entity is only ever loaded under a lock (current() reads a
        // projection), so a copy this transaction already holds cannot have been changed by another since.
        return getEntityManager().find(CalendarVersion.class, THE_ROW, mode);
    }

    void increment(Instant at) {
        number++;
        changedAt = at;
    }
}
