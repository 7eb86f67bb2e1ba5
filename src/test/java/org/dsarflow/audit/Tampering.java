package org.dsarflow.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Tampering with the audit log as someone who owns its tables would: the append-only triggers are switched
 * off for this one piece of work, in the test only. On PostgreSQL they do not fire for the one connection in
 * replica mode (the test role is a superuser); H2 cannot switch a trigger off, so they are dropped and put back.
 */
final class Tampering {

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    private Tampering() {
    }

    static void withoutProtection(DataSource dataSource, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (isPostgres(connection)) {
                connection.setAutoCommit(false);
                try {
                    execute(connection, "SET LOCAL session_replication_role = replica");
                    work.run(connection);
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } else {
                execute(connection, "DROP TRIGGER dsar_audit_event_append_only");
                execute(connection, "DROP TRIGGER dsar_audit_head_forward_only");
                try {
                    work.run(connection);
                } finally {
                    // As db/vendor/h2/V16_1 creates them.
                    execute(connection, "CREATE TRIGGER dsar_audit_event_append_only BEFORE UPDATE, DELETE ON "
                            + "dsar_audit_event FOR EACH ROW CALL 'org.dsarflow.audit.AppendOnlyTrigger'");
                    execute(connection, "CREATE TRIGGER dsar_audit_head_forward_only BEFORE UPDATE, DELETE ON "
                            + "dsar_audit_head FOR EACH ROW CALL 'org.dsarflow.audit.AppendOnlyTrigger'");
                }
            }
        }
    }

    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
