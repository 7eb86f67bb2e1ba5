-- Art 15(1A) (DUAA s.78): the searches the DPO made for an access request, or judged unreasonable or
-- disproportionate and left unmade, with the reason then. Identifier names only, never their values.
CREATE TABLE dsar_request_search (
    id                BIGINT         NOT NULL,
    request_id        BIGINT         NOT NULL,
    study_key         VARCHAR(64),
    holding_key       VARCHAR(64),
    system_name       VARCHAR(200),
    searched_on       DATE           NOT NULL,
    searched_by       VARCHAR(200)   NOT NULL,
    identifier_names  VARCHAR(1400)  NOT NULL,
    reasonable        BOOLEAN        NOT NULL,
    reason            VARCHAR(4000),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dsar_request_search_pk PRIMARY KEY (id),
    CONSTRAINT dsar_request_search_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
CREATE INDEX dsar_request_search_request_ix ON dsar_request_search (request_id);
CREATE SEQUENCE dsar_request_search_seq START WITH 1 INCREMENT BY 50;

-- Repeat requests: keyed hashes (HMAC under the identifier key, as the registry's lookup) of the requester's
-- email and of the identifiers each request supplied, by scheme; never the values. They go with the
-- request's personal data at retention.
CREATE TABLE dsar_request_lookup (
    request_id   BIGINT        NOT NULL,
    lookup_hash  VARCHAR(64)   NOT NULL,
    scheme       VARCHAR(400)  NOT NULL,
    CONSTRAINT dsar_request_lookup_pk PRIMARY KEY (request_id, lookup_hash),
    CONSTRAINT dsar_request_lookup_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
CREATE INDEX dsar_request_lookup_hash_ix ON dsar_request_lookup (lookup_hash);

-- A request the DPO closed as a duplicate names the open request it repeats.
ALTER TABLE dsar_request ADD COLUMN duplicate_of VARCHAR(32);
