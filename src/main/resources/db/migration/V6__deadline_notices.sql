-- The deadline the DPO mailbox was last reminded of, and the one last escalated: a timer that fires
-- again for the same deadline (after the deadline watch restarted) sends nothing twice.
ALTER TABLE dsar_request ADD COLUMN reminded_for DATE;
ALTER TABLE dsar_request ADD COLUMN escalated_for DATE;
