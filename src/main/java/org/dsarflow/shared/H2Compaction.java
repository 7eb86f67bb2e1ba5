package org.dsarflow.shared;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Keeps the embedded H2 file proportionate to its data. H2's MVStore appends every commit as a new chunk
 * and gets space back only by rewriting the live pages of sparse chunks, which its background writer
 * does. {@code WRITE_DELAY=0}, which makes each commit durable before the reply, also switches that
 * writer off, so without this the file grew with every byte written (README, "Storage"). This does the
 * writer's compaction on a schedule instead, while commits stay synchronous. Nothing on PostgreSQL.
 */
@ApplicationScoped
public class H2Compaction {

    /** Chunks less full than this are rewritten; the background writer's own default. */
    static final int TARGET_FILL_RATE = 90;
    /** At most this much rewritten a run, so a run stays short beside the requests. */
    static final int MAX_BYTES_A_RUN = 16 * 1024 * 1024;

    private final DataSource dataSource;

    H2Compaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(identity = "h2-compaction", every = "5s", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() throws SQLException {
        MVStore store = fileStore();
        if (store != null) {
            store.compact(TARGET_FILL_RATE, MAX_BYTES_A_RUN);
        }
    }

    /** The MVStore of an H2 file database; null for PostgreSQL or an in-memory H2. */
    private MVStore fileStore() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null || store.getFileStore().getFileName() == null ? null : store;
        }
    }
}
