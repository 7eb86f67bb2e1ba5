-- The append-only audit log: one entry per state change, chained by SHA-256 so that an entry changed
-- or removed afterwards breaks every hash after it. The head row holds the last seq and hash; locking
-- it serialises appends, which keeps seq gap-free and the chain linear under concurrent transactions.

CREATE TABLE dsar_audit_event (
    seq          BIGINT                   NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)              NOT NULL,
    request_ref  VARCHAR(20),
    action       VARCHAR(64)              NOT NULL,
    activity     VARCHAR(64),
    detail       VARCHAR(4000)            NOT NULL,
    prev_hash    VARCHAR(64)              NOT NULL,
    hash         VARCHAR(64)              NOT NULL,
    CONSTRAINT dsar_audit_event_pk PRIMARY KEY (seq)
);
CREATE INDEX dsar_audit_event_request_ix ON dsar_audit_event (request_ref, seq);
CREATE INDEX dsar_audit_event_at_ix ON dsar_audit_event (at, seq);

CREATE TABLE dsar_audit_head (
    id         INTEGER      NOT NULL,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT dsar_audit_head_pk PRIMARY KEY (id)
);
INSERT INTO dsar_audit_head (id, last_seq, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
