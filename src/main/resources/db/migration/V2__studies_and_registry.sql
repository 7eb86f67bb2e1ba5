-- Studies, their holdings and phase history, and the participant registry with its lookup index.
-- The lookup index holds only keyed hashes (HMAC-SHA256) of normalised identifiers, one per
-- identifier scheme, so locating a person is one equality on one indexed column.

CREATE SEQUENCE dsar_holding_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE dsar_phase_change_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE dsar_subject_seq START WITH 1 INCREMENT BY 1000;

CREATE TABLE dsar_study (
    study_key           VARCHAR(64)    NOT NULL,
    version             BIGINT         NOT NULL,
    name                VARCHAR(200)   NOT NULL,
    contact_mailbox     VARCHAR(320),
    phase               VARCHAR(16)    NOT NULL,
    phase_since         DATE           NOT NULL,
    identifier_schemes  VARCHAR(4000)  NOT NULL,
    lawful_bases        VARCHAR(16000) NOT NULL,
    recipients          VARCHAR(8000)  NOT NULL,
    categories          VARCHAR(2000)  NOT NULL,
    CONSTRAINT dsar_study_pk PRIMARY KEY (study_key)
);

CREATE TABLE dsar_holding (
    id                BIGINT         NOT NULL,
    study_key         VARCHAR(64)    NOT NULL,
    holding_key       VARCHAR(64)    NOT NULL,
    location          VARCHAR(200)   NOT NULL,
    custody           VARCHAR(16)    NOT NULL,
    identifiability   VARCHAR(16)    NOT NULL,
    source            VARCHAR(16)    NOT NULL,
    retention         VARCHAR(1000),
    retention_until   DATE,
    retention_period  VARCHAR(32),
    CONSTRAINT dsar_holding_pk PRIMARY KEY (id),
    CONSTRAINT dsar_holding_key_uk UNIQUE (study_key, holding_key),
    CONSTRAINT dsar_holding_study_fk FOREIGN KEY (study_key) REFERENCES dsar_study (study_key)
);

CREATE TABLE dsar_study_phase_change (
    id                 BIGINT                   NOT NULL,
    study_key          VARCHAR(64)              NOT NULL,
    previous_phase     VARCHAR(16),
    phase              VARCHAR(16)              NOT NULL,
    phase_since        DATE                     NOT NULL,
    correction_reason  VARCHAR(2000),
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        VARCHAR(64)              NOT NULL,
    CONSTRAINT dsar_study_phase_change_pk PRIMARY KEY (id),
    CONSTRAINT dsar_study_phase_change_study_fk FOREIGN KEY (study_key) REFERENCES dsar_study (study_key)
);
CREATE INDEX dsar_study_phase_change_study_ix ON dsar_study_phase_change (study_key, id);

CREATE TABLE dsar_subject (
    id           BIGINT                   NOT NULL,
    study_key    VARCHAR(64)              NOT NULL,
    subject_ref  VARCHAR(64)              NOT NULL,
    category     VARCHAR(32)              NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dsar_subject_pk PRIMARY KEY (id),
    -- subject_ref first: an import batch looks up its refs with an IN list, which H2 can only
    -- seek on the leading column of an index.
    CONSTRAINT dsar_subject_ref_uk UNIQUE (subject_ref, study_key),
    CONSTRAINT dsar_subject_study_fk FOREIGN KEY (study_key) REFERENCES dsar_study (study_key)
);

CREATE TABLE dsar_subject_holding (
    subject_id   BIGINT       NOT NULL,
    holding_key  VARCHAR(64)  NOT NULL,
    CONSTRAINT dsar_subject_holding_pk PRIMARY KEY (subject_id, holding_key),
    CONSTRAINT dsar_subject_holding_subject_fk FOREIGN KEY (subject_id) REFERENCES dsar_subject (id)
);

-- Attributes held for the subject in internal holdings (research data and, where an internal
-- identified holding really holds them, the raw identifiers as identifier.<key>).
CREATE TABLE dsar_subject_attribute (
    subject_id  BIGINT         NOT NULL,
    attribute_name   VARCHAR(128)   NOT NULL,
    attribute_value  VARCHAR(4000)  NOT NULL,
    CONSTRAINT dsar_subject_attribute_pk PRIMARY KEY (subject_id, attribute_name),
    CONSTRAINT dsar_subject_attribute_subject_fk FOREIGN KEY (subject_id) REFERENCES dsar_subject (id)
);

CREATE TABLE dsar_subject_lookup (
    subject_id   BIGINT        NOT NULL,
    scheme       VARCHAR(400)  NOT NULL,
    lookup_hash  VARCHAR(64)   NOT NULL,
    CONSTRAINT dsar_subject_lookup_pk PRIMARY KEY (subject_id, scheme),
    CONSTRAINT dsar_subject_lookup_subject_fk FOREIGN KEY (subject_id) REFERENCES dsar_subject (id)
);
CREATE INDEX dsar_subject_lookup_hash_ix ON dsar_subject_lookup (lookup_hash);

-- Where the subject was found for a request: one row per matched subject record.
CREATE TABLE dsar_request_match (
    request_id   BIGINT       NOT NULL,
    study_key    VARCHAR(64)  NOT NULL,
    subject_ref  VARCHAR(64)  NOT NULL,
    CONSTRAINT dsar_request_match_pk PRIMARY KEY (request_id, study_key, subject_ref),
    CONSTRAINT dsar_request_match_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
ALTER TABLE dsar_request ADD COLUMN match_status VARCHAR(16);
-- How a closed request ended when not by the full process, e.g. NO_DATA_HELD.
ALTER TABLE dsar_request ADD COLUMN outcome VARCHAR(32);
