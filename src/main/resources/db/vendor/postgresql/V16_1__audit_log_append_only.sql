-- The audit log is append-only in the database too: the service's own connections cannot change or remove an
-- entry, nor wind the head back. A role that owns the tables can still drop these triggers; they stop a bug,
-- an injected statement or a careless hand, and the hash chain and signed checkpoints show the rest.
CREATE FUNCTION dsar_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER dsar_audit_event_append_only BEFORE UPDATE OR DELETE ON dsar_audit_event
    FOR EACH ROW EXECUTE FUNCTION dsar_audit_refuse_change();
CREATE TRIGGER dsar_audit_event_no_truncate BEFORE TRUNCATE ON dsar_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION dsar_audit_refuse_change();

-- The head moves forward only: each append raises last_seq; nothing lowers it or removes the row.
CREATE FUNCTION dsar_audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.last_seq <= OLD.last_seq THEN
        RAISE EXCEPTION 'The audit log''s head moves forward only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER dsar_audit_head_forward_only BEFORE UPDATE ON dsar_audit_head
    FOR EACH ROW EXECUTE FUNCTION dsar_audit_head_forward_only();
CREATE TRIGGER dsar_audit_head_kept BEFORE DELETE ON dsar_audit_head
    FOR EACH ROW EXECUTE FUNCTION dsar_audit_refuse_change();
CREATE TRIGGER dsar_audit_head_no_truncate BEFORE TRUNCATE ON dsar_audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION dsar_audit_refuse_change();
