-- Each capability keeps what it finds or decides about a request in a table of its own, keyed by the
-- request's id: where the subject was located (subject), and the DPO's review (decision). The request
-- row keeps its own lifecycle: when the decision was proposed and when it was reviewed.

CREATE TABLE dsar_subject_match (
    request_id  BIGINT       NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    CONSTRAINT dsar_subject_match_pk PRIMARY KEY (request_id),
    CONSTRAINT dsar_subject_match_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
INSERT INTO dsar_subject_match (request_id, status)
    SELECT id, match_status FROM dsar_request WHERE match_status IS NOT NULL;
ALTER TABLE dsar_request DROP COLUMN match_status;

CREATE TABLE dsar_decision_review (
    request_id      BIGINT         NOT NULL,
    outcome         VARCHAR(16)    NOT NULL,
    refusal_reason  VARCHAR(32),
    justification   VARCHAR(4000),
    reviewed_by     VARCHAR(64)    NOT NULL,
    CONSTRAINT dsar_decision_review_pk PRIMARY KEY (request_id),
    CONSTRAINT dsar_decision_review_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
INSERT INTO dsar_decision_review (request_id, outcome, refusal_reason, justification, reviewed_by)
    SELECT id, review_outcome, refusal_reason, review_justification, reviewed_by
    FROM dsar_request WHERE reviewed_at IS NOT NULL;
ALTER TABLE dsar_request DROP COLUMN review_outcome;
ALTER TABLE dsar_request DROP COLUMN refusal_reason;
ALTER TABLE dsar_request DROP COLUMN review_justification;
ALTER TABLE dsar_request DROP COLUMN reviewed_by;
