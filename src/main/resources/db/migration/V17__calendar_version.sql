-- The version of the bank-holiday calendar, one row for the whole deployment. Every replacement (and the
-- first seeding) increments it in the transaction that changes dsar_bank_holiday, so a node that keeps the
-- calendar in memory sees by one primary-key read whether its copy is still the one in force. A
-- replacement holds this row's write lock until it commits; a transaction that stores a deadline holds a
-- read lock on it (see CalendarService).
CREATE TABLE dsar_calendar_version (
    id              INTEGER                  NOT NULL,
    version_number  BIGINT                   NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT dsar_calendar_version_pk PRIMARY KEY (id)
);
INSERT INTO dsar_calendar_version (id, version_number, changed_at) VALUES (1, 1, CURRENT_TIMESTAMP);
