-- Many agencies on one platform (issue 14): an agency is data. The installation's current agency (settings
-- gongkai.agency.*, passed in as Flyway placeholders) is stored here if the application never stored it yet,
-- so an upgraded single-agency installation keeps its agency, its numbers and its cases.

ALTER TABLE gk_agency ADD COLUMN parent_code VARCHAR(64);
ALTER TABLE gk_agency ADD COLUMN contact_person VARCHAR(100);
ALTER TABLE gk_agency ADD COLUMN contact_phone VARCHAR(32);
-- null: the installation's gongkai.case-number.pattern (the prefecture office keeps its numbers as they were)
ALTER TABLE gk_agency ADD COLUMN case_number_pattern VARCHAR(100);
-- referral (转办): whether this office transfers requests for another agency on the platform as a new case
ALTER TABLE gk_agency ADD COLUMN transfers_referrals BOOLEAN DEFAULT FALSE NOT NULL;

INSERT INTO gk_agency (code, name, short_name, reconsideration_body)
  SELECT '${agencyCode}', '${agencyName}', '${agencyShortName}', '${agencyReconsiderationBody}'
  WHERE NOT EXISTS (SELECT 1 FROM gk_agency WHERE code = '${agencyCode}');

ALTER TABLE gk_agency ADD CONSTRAINT fk_agency_parent FOREIGN KEY (parent_code) REFERENCES gk_agency (code);
ALTER TABLE gk_agency ADD CONSTRAINT uq_agency_short_name UNIQUE (short_name);

-- A referred request (转办): the new case at the competent agency points to the case it came from.
ALTER TABLE gk_disclosure_case ADD COLUMN referred_from_case_id BIGINT REFERENCES gk_disclosure_case (id);
CREATE INDEX ix_disclosure_case_referred_from ON gk_disclosure_case (referred_from_case_id);
CREATE INDEX ix_disclosure_case_agency ON gk_disclosure_case (agency_code, status);

-- One-time upgrade steps done outside Flyway (engine data: tenants of existing users and process instances).
CREATE TABLE gk_upgrade_step (
  step    VARCHAR(100) NOT NULL PRIMARY KEY,
  done_at TIMESTAMP WITH TIME ZONE NOT NULL
);
