package org.dsarflow.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.dsarflow.shared.UnknownResourceException;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the audit log: a request's history, a streamed export between two instants, and the walk
 * along the chain that finds the first broken link. Exports and the check read with a cursor, so a
 * log of millions of entries passes through in flat memory.
 */
@ApplicationScoped
public class AuditTrail {

    /** Rows fetched per round trip when streaming. */
    private static final int FETCH_SIZE = 1_000;
    private static final String COLUMNS = "seq, at, actor, request_ref, action, activity, detail, prev_hash, hash";

    private final DataSource dataSource;

    AuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The outcome of walking the chain. {@code reason} is REWRITTEN when an entry no longer follows the one
     * before it, or a kept checkpoint's entry has another hash now; TRUNCATED when the chain ends before the
     * head row's last entry, or before a kept checkpoint's. {@code firstBroken} is the first entry found
     * wanting; both are null when valid.
     */
    public record Verification(boolean valid, long entries, Long firstBroken, String reason) {
    }

    /** The head row: the last entry's seq and hash (0 and {@link AuditChain#GENESIS} for an empty log). */
    public record Head(long seq, String hash) {
    }

    public List<AuditEntry> history(String requestRef) {
        List<AuditEntry> entries = new ArrayList<>();
        query("SELECT " + COLUMNS + " FROM dsar_audit_event WHERE request_ref = ? ORDER BY seq",
                List.of(requestRef), entries::add);
        if (entries.isEmpty() && !requestExists(requestRef)) {
            throw new UnknownResourceException("Request", requestRef);
        }
        return entries;
    }

    /** Streams the entries recorded from {@code from} (inclusive) to {@code to} (exclusive), in seq order. */
    public void export(Instant from, Instant to, Consumer<AuditEntry> sink) {
        query("SELECT " + COLUMNS + " FROM dsar_audit_event WHERE at >= ? AND at < ? ORDER BY seq",
                List.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)), sink);
    }

    /**
     * Walks the chain up to the head as read first (entries appended meanwhile are left for the next
     * verification) and compares its end with the head, so deleting the newest entries shows.
     */
    public Verification verify() {
        return verify(null);
    }

    /**
     * As {@link #verify()}, and checks that the log still extends {@code kept} (null for none): that it
     * reaches the kept entry and that the entry's hash is the one kept. That shows what the head row alone
     * cannot: the newest entries deleted with the head rewound to match, or the log rewritten from there.
     */
    public Verification verify(KeptCheckpoint kept) {
        Head head = head();
        long[] walked = {0, 0};
        String[] previousHash = {AuditChain.GENESIS};
        Long[] broken = {null};
        String[] keptEntryHash = {kept != null && kept.seq() == 0 ? AuditChain.GENESIS : null};
        query("SELECT " + COLUMNS + " FROM dsar_audit_event WHERE seq <= ? ORDER BY seq", List.of(head.seq()), entry -> {
            walked[0]++;
            if (broken[0] == null && !AuditChain.follows(entry, walked[1], previousHash[0])) {
                broken[0] = entry.seq();
            }
            if (kept != null && entry.seq() == kept.seq()) {
                keptEntryHash[0] = entry.hash();
            }
            walked[1] = entry.seq();
            previousHash[0] = entry.hash();
        });
        if (broken[0] != null) {
            return new Verification(false, walked[0], broken[0], "REWRITTEN");
        }
        if (kept != null && keptEntryHash[0] == null) {
            return new Verification(false, walked[0], walked[1] + 1, "TRUNCATED");
        }
        if (kept != null && !keptEntryHash[0].equals(kept.hash())) {
            return new Verification(false, walked[0], kept.seq(), "REWRITTEN");
        }
        if (walked[1] != head.seq() || !previousHash[0].equals(head.hash())) {
            return new Verification(false, walked[0], walked[1] + 1, "TRUNCATED");
        }
        return new Verification(true, walked[0], null, null);
    }

    /** The head row as it stands. */
    public Head head() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT last_seq, last_hash FROM dsar_audit_head WHERE id = 1");
             ResultSet result = select.executeQuery()) {
            if (!result.next()) {
                throw new IllegalStateException("The audit log has no head row");
            }
            return new Head(result.getLong(1), result.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log's head could not be read", e);
        }
    }

    private boolean requestExists(String reference) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM dsar_request WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The request could not be read", e);
        }
    }

    private void query(String sql, List<Object> parameters, Consumer<AuditEntry> sink) {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams with a cursor only outside auto-commit.
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(FETCH_SIZE);
                if (select.isWrapperFor(PGStatement.class)) {
                    // Planned afresh with the bounds of each run. After five runs the driver prepares the statement
                    // on the server, which may then choose a generic plan that cannot see the bounds: for an export
                    // of the whole log it reads the at index and sorts every entry on disk before the first row.
                    select.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        sink.accept(new AuditEntry(result.getLong(1), result.getObject(2, OffsetDateTime.class).toInstant(),
                                result.getString(3), result.getString(4), result.getString(5), result.getString(6),
                                result.getString(7), result.getString(8), result.getString(9)));
                    }
                }
            } finally {
                if (autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log could not be read", e);
        }
    }
}
