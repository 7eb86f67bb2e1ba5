package org.dsarflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Appends to the audit log in the transaction of the change it records. Entries are buffered and
 * written just before the transaction commits, under a lock on the chain's head row: appends are
 * serialised only for that moment, which keeps the sequence gap-free and the chain linear. A change
 * that rolls back leaves no entry. There is no update or delete path.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";
    private static final Object BUFFER = AuditLog.class.getName() + ".buffer";
    private static final ObjectMapper DETAIL = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;
    private final Clock clock;

    AuditLog(TransactionSynchronizationRegistry transactions, DataSource dataSource, Clock clock) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    private record Pending(Instant at, String actor, String requestRef, String action, String activity, String detail) {
    }

    /**
     * Records a change of {@code requestRef} (null for changes of no request), with the BPMN activity
     * running now, if any, and the caller's account, or {@value #SYSTEM}.
     *
     * @param detail references, states, dates and counts only: never personal data
     */
    public void record(String requestRef, String action, Map<String, ?> detail) {
        recordAt(currentActivity(), requestRef, action, detail);
    }

    /** As {@link #record}, naming the BPMN activity the change belongs to (a user task completed by the API). */
    public void recordAt(String activity, String requestRef, String action, Map<String, ?> detail) {
        recordAs(actor(), activity, requestRef, action, detail);
    }

    /**
     * As {@link #record}, for work a person started that goes on after their request has been answered (an
     * import run on a worker): the entry names them, not {@value #SYSTEM}.
     */
    public void recordFor(String actor, String requestRef, String action, Map<String, ?> detail) {
        recordAs(actor, currentActivity(), requestRef, action, detail);
    }

    /**
     * As {@link #recordAt}, naming who acted where no one is signed in: a custodian confirming through their
     * emailed link is {@code custodian:<holdingKey>}.
     */
    public void recordAs(String actor, String activity, String requestRef, String action, Map<String, ?> detail) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("An audit entry is written in the transaction of its change");
        }
        @SuppressWarnings("unchecked")
        List<Pending> buffer = (List<Pending>) transactions.getResource(BUFFER);
        if (buffer == null) {
            buffer = new ArrayList<>();
            transactions.putResource(BUFFER, buffer);
            List<Pending> appended = buffer;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    append(appended);
                }

                @Override
                public void afterCompletion(int status) {
                    // Nothing to undo: the entries were written in the transaction and share its fate.
                }
            });
        }
        buffer.add(new Pending(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), actor, requestRef, action, activity,
                json(detail)));
    }

    /** A detail object from alternating names and values; a null value is written as null. */
    public static Map<String, Object> detail(Object... namesAndValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            detail.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return detail;
    }

    private void append(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            long seq;
            String hash;
            try (PreparedStatement head = connection.prepareStatement(
                    "SELECT last_seq, last_hash FROM dsar_audit_head WHERE id = 1 FOR UPDATE");
                 ResultSet result = head.executeQuery()) {
                result.next();
                seq = result.getLong(1);
                hash = result.getString(2);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dsar_audit_event"
                    + " (seq, at, actor, request_ref, action, activity, detail, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Pending entry : pending) {
                    seq++;
                    String next = AuditChain.hash(seq, entry.at(), entry.actor(), entry.requestRef(), entry.action(),
                            entry.activity(), entry.detail(), hash);
                    insert.setLong(1, seq);
                    insert.setObject(2, entry.at().atOffset(ZoneOffset.UTC));
                    insert.setString(3, entry.actor());
                    insert.setString(4, entry.requestRef());
                    insert.setString(5, entry.action());
                    insert.setString(6, entry.activity());
                    insert.setString(7, entry.detail());
                    insert.setString(8, hash);
                    insert.setString(9, next);
                    insert.addBatch();
                    hash = next;
                }
                insert.executeBatch();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE dsar_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                update.setLong(1, seq);
                update.setString(2, hash);
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log could not be appended to", e);
        }
    }

    private static String currentActivity() {
        BpmnExecutionContext context = Context.getBpmnExecutionContext();
        return context == null || context.getExecution() == null ? null : context.getExecution().getActivityId();
    }

    /**
     * Who is acting now: the signed-in person's user name (a named user, a bootstrap account, the OIDC
     * principal), or {@value #SYSTEM} for the engine's own jobs.
     */
    public static String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        return identity == null || identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }

    private static String json(Map<String, ?> detail) {
        try {
            return DETAIL.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An audit detail must be plain JSON", e);
        }
    }
}
