-- Requests made for someone else (PRODUCT issue 15): who the requester acts for and the authority they
-- showed; the DPO's judgement of a child's competence with the review; holdings liable to contain other
-- people's information, and what the DPO recorded for each such holding of an access request.

-- Null for a request made by the subject. The subject's name is personal data, deleted at retention.
ALTER TABLE dsar_request ADD COLUMN on_behalf_relationship VARCHAR(32);
ALTER TABLE dsar_request ADD COLUMN on_behalf_subject_name VARCHAR(200);
ALTER TABLE dsar_request ADD COLUMN on_behalf_subject_category VARCHAR(32);
ALTER TABLE dsar_request ADD COLUMN authority_evidence VARCHAR(32);
ALTER TABLE dsar_request ADD COLUMN authority_received_on DATE;
ALTER TABLE dsar_request ADD COLUMN authority_recorded_by VARCHAR(64);
ALTER TABLE dsar_request ADD COLUMN authority_recorded_at TIMESTAMP WITH TIME ZONE;

-- A child's request: competent or not, agreed to the representative acting or not, and who is answered.
ALTER TABLE dsar_decision_review ADD COLUMN child_competent BOOLEAN;
ALTER TABLE dsar_decision_review ADD COLUMN child_agreed BOOLEAN;
ALTER TABLE dsar_decision_review ADD COLUMN respond_to VARCHAR(16);
ALTER TABLE dsar_decision_review ADD COLUMN child_reasons VARCHAR(4000);

ALTER TABLE dsar_holding ADD COLUMN others_information BOOLEAN DEFAULT FALSE NOT NULL;

-- An access request's export of a holding liable to contain other people's information waits for this.
ALTER TABLE dsar_decision_action ADD COLUMN redaction_needed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE dsar_decision_action ADD COLUMN redaction VARCHAR(32);
ALTER TABLE dsar_decision_action ADD COLUMN redaction_reasons VARCHAR(4000);
ALTER TABLE dsar_decision_action ADD COLUMN redaction_recorded_by VARCHAR(64);
ALTER TABLE dsar_decision_action ADD COLUMN redaction_recorded_at TIMESTAMP WITH TIME ZONE;
