package org.dsarflow.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a {@link RetriedOnConcurrentChange} command again when its transaction lost a race. It sits outside the
 * transaction interceptor (a lower priority runs first), so each attempt is a transaction of its own; inside a
 * caller's transaction it does nothing, as only that caller can start again.
 */
@RetriedOnConcurrentChange
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ConcurrentChangeRetry {

    /** Enough for the email step a command meets to finish; a command still losing after that is answered 409. */
    static final int ATTEMPTS = 4;
    private static final Logger LOG = Logger.getLogger(ConcurrentChangeRetry.class);

    private final TransactionManager transactions;
    private final Counter retried;

    ConcurrentChangeRetry(TransactionManager transactions, MeterRegistry registry) {
        this.transactions = transactions;
        this.retried = Counter.builder("dsar.commands.retried")
                .description("Commands run again because their transaction lost a race with another")
                .register(registry);
    }

    @AroundInvoke
    Object retry(InvocationContext command) throws Exception {
        if (inTransaction()) {
            return command.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return command.proceed();
            } catch (Exception e) {
                if (attempt == ATTEMPTS || !ConcurrentChange.worthRetrying(e)) {
                    throw e;
                }
                retried.increment();
                LOG.debugf("%s.%s lost a race (attempt %d of %d); running it again",
                        command.getMethod().getDeclaringClass().getSimpleName(), command.getMethod().getName(),
                        attempt, ATTEMPTS);
                giveTheWinnerTime(attempt);
            }
        }
    }

    private boolean inTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** A short, growing, jittered pause, so two commands that met do not meet again at once. */
    private static void giveTheWinnerTime(int attempt) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
    }
}
