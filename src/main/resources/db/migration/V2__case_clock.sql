-- The statutory clock on the case register (domain §2): reply deadline, pauses, extension, fee.
ALTER TABLE gk_disclosure_case ADD COLUMN reply_due_on DATE;
ALTER TABLE gk_disclosure_case ADD COLUMN reply_due_provisional BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE gk_disclosure_case ADD COLUMN clock_started_on DATE;
ALTER TABLE gk_disclosure_case ADD COLUMN paused_since DATE;
ALTER TABLE gk_disclosure_case ADD COLUMN pause_reason VARCHAR(64);
ALTER TABLE gk_disclosure_case ADD COLUMN paused_working_days INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE gk_disclosure_case ADD COLUMN extension_working_days INTEGER;
ALTER TABLE gk_disclosure_case ADD COLUMN extension_approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE gk_disclosure_case ADD COLUMN fee_amount DECIMAL(12, 2);
ALTER TABLE gk_disclosure_case ADD COLUMN fee_noticed_on DATE;
ALTER TABLE gk_disclosure_case ADD COLUMN fee_paid_on DATE;
ALTER TABLE gk_disclosure_case ADD COLUMN overdue BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE gk_disclosure_case ADD COLUMN overdue_since DATE;
CREATE INDEX ix_disclosure_case_due ON gk_disclosure_case (reply_due_on);
