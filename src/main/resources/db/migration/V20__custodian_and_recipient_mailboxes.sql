-- Custodians and Art 19 recipients are told by email, not only recorded (issue 13 §5).

-- The mailbox of an external holding's custodian, and of each recipient a study names ({name: mailbox}).
ALTER TABLE dsar_holding ADD COLUMN custodian_mailbox VARCHAR(320);
ALTER TABLE dsar_study ADD COLUMN recipient_mailboxes VARCHAR(8000);

-- Whether each recipient notice went by email (SENT) or could not (NOT_SENDABLE: no mailbox); null until told.
ALTER TABLE dsar_recipient_notice ADD COLUMN delivery VARCHAR(16);
ALTER TABLE dsar_recipient_notice ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;

-- Art 19, second sentence: the requester asked who the recipients are, so the response names them.
ALTER TABLE dsar_request ADD COLUMN asked_for_recipients BOOLEAN DEFAULT FALSE NOT NULL;

-- Each link emailed to a custodian: its token names this row, signed; used_at makes it single-use.
-- occasion is the process step that sent it, so a retried step does not send a second link.
CREATE TABLE dsar_custodian_link (
    id           VARCHAR(32)              NOT NULL,
    request_id   BIGINT                   NOT NULL,
    study_key    VARCHAR(64)              NOT NULL,
    holding_key  VARCHAR(64)              NOT NULL,
    occasion     VARCHAR(64)              NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dsar_custodian_link_pk PRIMARY KEY (id),
    CONSTRAINT dsar_custodian_link_occasion_uk UNIQUE (occasion, study_key, holding_key),
    CONSTRAINT dsar_custodian_link_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
CREATE INDEX dsar_custodian_link_request_ix ON dsar_custodian_link (request_id);
