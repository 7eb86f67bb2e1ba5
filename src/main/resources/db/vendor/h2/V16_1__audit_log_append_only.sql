-- The audit log is append-only in the database too, as on PostgreSQL: the service's own connections cannot
-- change or remove an entry, nor wind the head back. H2 runs triggers written in Java, so the rule lives in
-- the service (org.dsarflow.audit.AppendOnlyTrigger). H2 has no TRUNCATE trigger; see README.
CREATE TRIGGER dsar_audit_event_append_only BEFORE UPDATE, DELETE ON dsar_audit_event
    FOR EACH ROW CALL 'org.dsarflow.audit.AppendOnlyTrigger';
CREATE TRIGGER dsar_audit_head_forward_only BEFORE UPDATE, DELETE ON dsar_audit_head
    FOR EACH ROW CALL 'org.dsarflow.audit.AppendOnlyTrigger';
