package org.dsarflow.shared;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures a command is run again for: races lost, however wrapped, and nothing else. */
class ConcurrentChangeTest {

    @Test
    void anOptimisticLockLostAtTheEngineOrInJpaIsWorthRetryingHoweverWrapped() {
        RuntimeException engine = new IllegalStateException("delegate", new OptimisticLockingException("ACT_RU_EXECUTION"));
        RuntimeException jpa = new PersistenceException(new OptimisticLockException("dsar_request"));
        assertThat(ConcurrentChange.lostOptimisticLock(engine)).isTrue();
        assertThat(ConcurrentChange.worthRetrying(engine)).isTrue();
        assertThat(ConcurrentChange.worthRetrying(jpa)).isTrue();
    }

    @Test
    void aDeadlockOrSerializationFailureIsWorthRetryingButIsNoLostLock() {
        for (String state : new String[]{"40P01", "40001"}) {
            RuntimeException failure = new PersistenceException(new SQLException("gave way", state));
            assertThat(ConcurrentChange.worthRetrying(failure)).as(state).isTrue();
            assertThat(ConcurrentChange.lostOptimisticLock(failure)).as(state).isFalse();
        }
        assertThat(ConcurrentChange.lostOptimisticLock(new PersistenceException(new SQLException("h2", "90131")))).isTrue();
    }

    @Test
    void aTakenKeyALockTimeoutOrABugIsNot() {
        assertThat(ConcurrentChange.worthRetrying(new PersistenceException(new SQLException("dup", "23505")))).isFalse();
        assertThat(ConcurrentChange.worthRetrying(new PersistenceException(new SQLException("timeout", "55P03")))).isFalse();
        assertThat(ConcurrentChange.worthRetrying(new IllegalStateException("bug"))).isFalse();
        assertThat(ConcurrentChange.worthRetrying(new ConflictException("REQUEST_CLOSED", "closed"))).isFalse();
    }
}
