-- Appends :n valid entries to the audit chain, continuing from dsar_audit_head, in one transaction.
-- Used by bench/audit-export (psql -v n=100000 -f bench/audit-fill.sql). The hash is AuditChain.hash:
-- SHA-256 (lower-case hex) of seq, at, actor, requestRef, action, activity, detail, prevHash joined
-- with U+001F, null requestRef/activity as '', and at as Instant.toString(): whole seconds here, so
-- '2026-01-01T00:00:07Z', 7 s apart, starting after the last entry already there. The entries look like
-- the service's own (actions, activities, actors, details of references, states and dates), in a fixed
-- mix, so every run writes the same number of bytes.
\set ON_ERROR_STOP on
CREATE FUNCTION pg_temp.bench_audit_fill(n bigint) RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE
    seq0     bigint;
    prev     text;
    i        bigint;
    s        bigint;
    t        timestamptz;
    t_text   text;
    v_actor  text;
    v_ref    text;
    v_action text;
    v_act    text;
    v_detail text;
    h        text;
    sep      constant text := chr(31);
    base     timestamptz;
    actors   constant text[] := ARRAY['dpo', 'system', 'dpo', 'admin', 'system', 'dpo', 'system', 'dpo'];
    actions  constant text[] := ARRAY['REQUEST_LOGGED', 'SUBJECT_LOCATED', 'DEADLINE_COMPUTED', 'DECISION_PROPOSED',
                                      'DECISION_REVIEWED', 'CUSTODIAN_CONFIRMED', 'ACTION_CARRIED_OUT', 'REQUEST_CLOSED'];
    acts     constant text[] := ARRAY[NULL, 'locateSubject', NULL, 'proposeDecision', 'reviewDecision',
                                      'confirmCustodian', 'carryOut', NULL];
BEGIN
    SELECT last_seq, last_hash INTO seq0, prev FROM dsar_audit_head WHERE id = 1 FOR UPDATE;
    SELECT date_trunc('second', coalesce(max(at), timestamptz '2025-01-01 00:00:00+00')) INTO base
        FROM dsar_audit_event;
    FOR i IN 1..n LOOP
        s := seq0 + i;
        t := base + make_interval(secs => i * 7);
        t_text := to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
        v_actor := actors[1 + s % 8];
        v_action := actions[1 + s % 8];
        v_act := acts[1 + s % 8];
        IF s % 97 = 0 THEN
            v_ref := NULL;
            v_action := 'STUDY_UPDATED';
            v_act := NULL;
            v_detail := '{"holdings":' || (s % 5 + 1) || ',"studyKey":"study-' || (s % 13) || '"}';
        ELSE
            v_ref := 'DSAR-2025-' || lpad((s / 8)::text, 6, '0');
            v_detail := '{"from":"RECEIVED","on":"' || to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD')
                        || '","status":"IN_PROGRESS","studyKey":"study-' || (s % 13) || '","to":"'
                        || v_action || '"}';
        END IF;
        h := encode(sha256(convert_to(s::text || sep || t_text || sep || v_actor || sep || coalesce(v_ref, '') || sep
                                      || v_action || sep || coalesce(v_act, '') || sep || v_detail || sep || prev,
                                      'UTF8')), 'hex');
        INSERT INTO dsar_audit_event (seq, at, actor, request_ref, action, activity, detail, prev_hash, hash)
            VALUES (s, t, v_actor, v_ref, v_action, v_act, v_detail, prev, h);
        prev := h;
    END LOOP;
    UPDATE dsar_audit_head SET last_seq = seq0 + n, last_hash = prev WHERE id = 1;
    RETURN seq0 + n;
END
$fn$;
SELECT pg_temp.bench_audit_fill(:n) AS last_seq;
-- Fresh statistics, as autovacuum would gather soon after: with the stale ones the planner reads the whole
-- log through the at index and sorts it on disk before the first row of an export.
ANALYZE dsar_audit_event;
