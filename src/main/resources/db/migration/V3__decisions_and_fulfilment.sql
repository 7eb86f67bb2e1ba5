-- The decision on a request (one proposed action per matched record and holding), the DPO's review,
-- what was carried out, custodian confirmations, Art. 19 notices to recipients and restrictions.

CREATE SEQUENCE dsar_decision_action_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE dsar_recipient_notice_seq START WITH 1 INCREMENT BY 50;

ALTER TABLE dsar_request ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dsar_request ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dsar_request ADD COLUMN reviewed_by VARCHAR(64);
ALTER TABLE dsar_request ADD COLUMN review_outcome VARCHAR(16);
ALTER TABLE dsar_request ADD COLUMN review_justification VARCHAR(4000);
ALTER TABLE dsar_request ADD COLUMN refusal_reason VARCHAR(32);
ALTER TABLE dsar_request ADD COLUMN restriction_lifted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dsar_request ADD COLUMN restriction_lift_reason VARCHAR(2000);

-- The corrections a rectification request asks for: attribute or identifier name and the new value.
CREATE TABLE dsar_request_change (
    request_id      BIGINT         NOT NULL,
    change_name     VARCHAR(128)   NOT NULL,
    change_value    VARCHAR(4000)  NOT NULL,
    CONSTRAINT dsar_request_change_pk PRIMARY KEY (request_id, change_name),
    CONSTRAINT dsar_request_change_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);

-- Which phase of each matched study the decision used, and why.
CREATE TABLE dsar_decision_phase (
    request_id         BIGINT         NOT NULL,
    study_key          VARCHAR(64)    NOT NULL,
    phase_at_receipt   VARCHAR(16),
    phase_today        VARCHAR(16)    NOT NULL,
    phase_used         VARCHAR(16)    NOT NULL,
    phase_basis        VARCHAR(16)    NOT NULL,
    reason             VARCHAR(1000)  NOT NULL,
    CONSTRAINT dsar_decision_phase_pk PRIMARY KEY (request_id, study_key),
    CONSTRAINT dsar_decision_phase_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);

CREATE TABLE dsar_decision_action (
    id                        BIGINT                   NOT NULL,
    version                   BIGINT                   NOT NULL,
    request_id                BIGINT                   NOT NULL,
    study_key                 VARCHAR(64)              NOT NULL,
    subject_ref               VARCHAR(64)              NOT NULL,
    holding_key               VARCHAR(64)              NOT NULL,
    custody                   VARCHAR(16)              NOT NULL,
    proposed_action           VARCHAR(32)              NOT NULL,
    action                    VARCHAR(32)              NOT NULL,
    basis                     VARCHAR(500)             NOT NULL,
    explanation               VARCHAR(2000)            NOT NULL,
    amendment_justification   VARCHAR(4000),
    state                     VARCHAR(32)              NOT NULL,
    done_at                   TIMESTAMP WITH TIME ZONE,
    custodian_confirmed_on    DATE,
    custodian_note            VARCHAR(2000),
    custodian_confirmed_by    VARCHAR(64),
    CONSTRAINT dsar_decision_action_pk PRIMARY KEY (id),
    CONSTRAINT dsar_decision_action_uk UNIQUE (request_id, study_key, holding_key),
    CONSTRAINT dsar_decision_action_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);

-- Art. 19: each recipient of a study told of a rectification, erasure or restriction.
CREATE TABLE dsar_recipient_notice (
    id           BIGINT                   NOT NULL,
    request_id   BIGINT                   NOT NULL,
    study_key    VARCHAR(64)              NOT NULL,
    recipient    VARCHAR(500)             NOT NULL,
    actions      VARCHAR(200)             NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dsar_recipient_notice_pk PRIMARY KEY (id),
    CONSTRAINT dsar_recipient_notice_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
CREATE INDEX dsar_recipient_notice_request_ix ON dsar_recipient_notice (request_id, id);

-- A restricted subject record is kept but not processed: the request that restricted it, until lifted.
ALTER TABLE dsar_subject ADD COLUMN restricted_by VARCHAR(20);
