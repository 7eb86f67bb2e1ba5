-- Named staff accounts: each person signs in as themselves, so the audit trail names who acted.
-- The password is kept only as a bcrypt hash in Modular Crypt Format ($2a$...).
CREATE TABLE dsar_user (
    id             BIGINT        NOT NULL,
    username       VARCHAR(64)   NOT NULL,
    display_name   VARCHAR(200)  NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    password_hash  VARCHAR(100)  NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dsar_user_pk PRIMARY KEY (id),
    CONSTRAINT dsar_user_username_uq UNIQUE (username)
);
CREATE SEQUENCE dsar_user_seq START WITH 1 INCREMENT BY 50;
