-- The day's audit checkpoint emailed to the DPO mailbox, one row a day: the first node to insert the day's row
-- sends it, and any other node running the same schedule meets the primary key and skips.
CREATE TABLE dsar_checkpoint_email (
    sent_on  DATE         NOT NULL,
    seq      BIGINT       NOT NULL,
    hash     VARCHAR(64)  NOT NULL,
    CONSTRAINT dsar_checkpoint_email_pk PRIMARY KEY (sent_on)
);
