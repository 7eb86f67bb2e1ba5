-- The emails a request's process has sent, by the step that sent them: a retried step skips those recorded.
CREATE TABLE dsar_sent_email (
    request_id  BIGINT       NOT NULL,
    template    VARCHAR(32)  NOT NULL,
    occasion    VARCHAR(64)  NOT NULL,
    CONSTRAINT dsar_sent_email_pk PRIMARY KEY (request_id, template, occasion),
    CONSTRAINT dsar_sent_email_request_fk FOREIGN KEY (request_id) REFERENCES dsar_request (id)
);
