-- Data protection complaints (DPA 2018 s.164A): the complaint, its progress updates, and the emails its
-- process sent. Portable SQL: the same migration runs on H2 and PostgreSQL.

CREATE SEQUENCE dsar_complaint_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE dsar_complaint_update_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE dsar_complaint (
    id                          BIGINT                   NOT NULL,
    version                     BIGINT                   NOT NULL,
    reference                   VARCHAR(20)              NOT NULL,
    status                      VARCHAR(16)              NOT NULL,
    channel                     VARCHAR(32)              NOT NULL,
    received_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    received_time_known         BOOLEAN                  NOT NULL,
    received_on                 DATE                     NOT NULL,
    logged_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    logged_by                   VARCHAR(64)              NOT NULL,
    complainant_name            VARCHAR(200),
    complainant_email           VARCHAR(320),
    complainant_phone           VARCHAR(40),
    complainant_postal_address  VARCHAR(1000),
    about_reference             VARCHAR(20),
    summary                     VARCHAR(4000),
    acknowledgement_due         DATE,
    acknowledged_on             DATE,
    acknowledged_by             VARCHAR(16),
    acknowledgement_escalated   BOOLEAN                  NOT NULL,
    last_progress_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at                 TIMESTAMP WITH TIME ZONE,
    outcome                     VARCHAR(16),
    outcome_summary             VARCHAR(4000),
    outcome_actions             VARCHAR(4000),
    closed_at                   TIMESTAMP WITH TIME ZONE,
    closed_on                   DATE,
    idempotency_key             VARCHAR(200),
    idempotency_fingerprint     VARCHAR(64),
    personal_data_deleted_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dsar_complaint_pk PRIMARY KEY (id),
    CONSTRAINT dsar_complaint_reference_uk UNIQUE (reference),
    CONSTRAINT dsar_complaint_idempotency_uk UNIQUE (idempotency_key),
    CONSTRAINT dsar_complaint_about_fk FOREIGN KEY (about_reference) REFERENCES dsar_request (reference)
);
CREATE INDEX dsar_complaint_status_ix ON dsar_complaint (status, acknowledgement_due);
CREATE INDEX dsar_complaint_about_ix ON dsar_complaint (about_reference);
CREATE INDEX dsar_complaint_received_ix ON dsar_complaint (received_on);

CREATE TABLE dsar_complaint_update (
    id            BIGINT                   NOT NULL,
    complaint_id  BIGINT                   NOT NULL,
    number        INTEGER                  NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    made_by       VARCHAR(64)              NOT NULL,
    note          VARCHAR(4000),
    tell_complainant BOOLEAN               NOT NULL,
    told_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT dsar_complaint_update_pk PRIMARY KEY (id),
    CONSTRAINT dsar_complaint_update_number_uk UNIQUE (complaint_id, number),
    CONSTRAINT dsar_complaint_update_complaint_fk FOREIGN KEY (complaint_id) REFERENCES dsar_complaint (id)
);

-- As dsar_sent_email for requests: a retried email step skips what its occasion already sent.
CREATE TABLE dsar_complaint_sent_email (
    complaint_id  BIGINT       NOT NULL,
    template      VARCHAR(48)  NOT NULL,
    occasion      VARCHAR(64)  NOT NULL,
    CONSTRAINT dsar_complaint_sent_email_pk PRIMARY KEY (complaint_id, template, occasion),
    CONSTRAINT dsar_complaint_sent_email_complaint_fk FOREIGN KEY (complaint_id) REFERENCES dsar_complaint (id)
);
