package org.dsarflow.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * On H2, what the PostgreSQL triggers do (db/vendor/postgresql/V16_1): no entry of the audit log is changed or
 * removed, and its head moves forward only. H2 calls it for each row; see db/vendor/h2/V16_1.
 */
public class AppendOnlyTrigger implements Trigger {

    /** The position of last_seq in dsar_audit_head (id, last_seq, last_hash). */
    private static final int LAST_SEQ = 1;
    /** SQLSTATE insufficient_privilege, as PostgreSQL reports it. */
    private static final String REFUSED = "42501";

    private boolean head;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        head = table.toLowerCase(Locale.ROOT).equals("dsar_audit_head");
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!head) {
            throw new SQLException("The audit log is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                    + " on dsar_audit_event refused", REFUSED);
        }
        if (newRow == null || ((Number) newRow[LAST_SEQ]).longValue() <= ((Number) oldRow[LAST_SEQ]).longValue()) {
            throw new SQLException("The audit log's head moves forward only", REFUSED);
        }
    }
}
