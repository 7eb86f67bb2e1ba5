-- Data-subject requests, their clock events and the bank-holiday calendar.
-- Portable SQL: the same migration runs on H2 (embedded) and PostgreSQL (production).

CREATE SEQUENCE dsar_request_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE dsar_clock_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE dsar_request (
    id                        BIGINT                   NOT NULL,
    version                   BIGINT                   NOT NULL,
    reference                 VARCHAR(20)              NOT NULL,
    type                      VARCHAR(32)              NOT NULL,
    status                    VARCHAR(32)              NOT NULL,
    channel                   VARCHAR(32)              NOT NULL,
    received_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    received_time_known       BOOLEAN                  NOT NULL,
    received_on               DATE                     NOT NULL,
    logged_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    logged_by                 VARCHAR(64)              NOT NULL,
    requester_name            VARCHAR(200),
    requester_email           VARCHAR(320),
    requester_phone           VARCHAR(40),
    requester_postal_address  VARCHAR(1000),
    details                   VARCHAR(4000),
    idempotency_key           VARCHAR(200),
    idempotency_fingerprint   VARCHAR(64),
    clock_state               VARCHAR(16),
    clock_started_on          DATE,
    deadline                  DATE,
    extended                  BOOLEAN                  NOT NULL,
    paused_days               INTEGER                  NOT NULL,
    closed_at                 TIMESTAMP WITH TIME ZONE,
    cancellation_reason       VARCHAR(2000),
    CONSTRAINT dsar_request_pk PRIMARY KEY (id),
    CONSTRAINT dsar_request_reference_uk UNIQUE (reference),
    CONSTRAINT dsar_request_idempotency_uk UNIQUE (idempotency_key)
);
CREATE INDEX dsar_request_deadline_ix ON dsar_request (deadline, reference);
CREATE INDEX dsar_request_status_ix ON dsar_request (status);

CREATE TABLE dsar_request_identifier (
    request_id        BIGINT        NOT NULL,
    identifier_key    VARCHAR(64)   NOT NULL,
    identifier_value  VARCHAR(256)  NOT NULL,
    CONSTRAINT dsar_request_identifier_pk PRIMARY KEY (request_id, identifier_key),
    CONSTRAINT dsar_request_identifier_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);

CREATE TABLE dsar_request_study (
    request_id  BIGINT       NOT NULL,
    study_key   VARCHAR(64)  NOT NULL,
    CONSTRAINT dsar_request_study_pk PRIMARY KEY (request_id, study_key),
    CONSTRAINT dsar_request_study_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
CREATE INDEX dsar_request_study_key_ix ON dsar_request_study (study_key);

CREATE TABLE dsar_clock_event (
    id           BIGINT                   NOT NULL,
    request_id   BIGINT                   NOT NULL,
    kind         VARCHAR(32)              NOT NULL,
    occurred_on  DATE                     NOT NULL,
    reason       VARCHAR(2000),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)              NOT NULL,
    CONSTRAINT dsar_clock_event_pk PRIMARY KEY (id),
    CONSTRAINT dsar_clock_event_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
CREATE INDEX dsar_clock_event_request_ix ON dsar_clock_event (request_id, id);

CREATE TABLE dsar_bank_holiday (
    division      VARCHAR(64)   NOT NULL,
    holiday_date  DATE          NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    CONSTRAINT dsar_bank_holiday_pk PRIMARY KEY (division, holiday_date)
);
