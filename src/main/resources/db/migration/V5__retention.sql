-- When a closed request's requester contact details, supplied identifiers, corrections and free
-- text were deleted under the closed-request retention period.
ALTER TABLE dsar_request ADD COLUMN personal_data_deleted_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX dsar_request_closed_ix ON dsar_request (closed_at);
