-- A registry import is a job with an id: what it has committed so far is recorded in the transaction of
-- each batch, so a client whose import died can read how far it got. No personal data: a rejected line
-- is kept as its number and a reason code, never its values.
CREATE SEQUENCE dsar_registry_import_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dsar_registry_import (
    id                   BIGINT                   NOT NULL,
    study_key            VARCHAR(64)              NOT NULL,
    format               VARCHAR(8)               NOT NULL,
    status               VARCHAR(16)              NOT NULL,
    started_by           VARCHAR(64)              NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at             TIMESTAMP WITH TIME ZONE,
    -- The instance of the service running it, and when that instance last said it still is.
    node_id              VARCHAR(64)              NOT NULL,
    heartbeat_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_committed_line  BIGINT                   NOT NULL,
    created_count        BIGINT                   NOT NULL,
    updated_count        BIGINT                   NOT NULL,
    rejected_count       BIGINT                   NOT NULL,
    failure              VARCHAR(32),
    failure_field        VARCHAR(64),
    -- The study's key while the import runs, null after: one running import a study, on every node.
    running_study_key    VARCHAR(64),
    CONSTRAINT dsar_registry_import_pk PRIMARY KEY (id),
    CONSTRAINT dsar_registry_import_study_fk FOREIGN KEY (study_key) REFERENCES dsar_study (study_key),
    CONSTRAINT dsar_registry_import_running_uk UNIQUE (running_study_key)
);
CREATE INDEX dsar_registry_import_study_ix ON dsar_registry_import (study_key, id);
CREATE INDEX dsar_registry_import_status_ix ON dsar_registry_import (status);

CREATE TABLE dsar_registry_import_rejection (
    import_id  BIGINT       NOT NULL,
    line       BIGINT       NOT NULL,
    reason     VARCHAR(32)  NOT NULL,
    CONSTRAINT dsar_registry_import_rejection_pk PRIMARY KEY (import_id, line),
    CONSTRAINT dsar_registry_import_rejection_fk FOREIGN KEY (import_id) REFERENCES dsar_registry_import (id)
);
