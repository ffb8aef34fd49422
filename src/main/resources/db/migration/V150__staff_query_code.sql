-- A request registered at the desk (Tasklist start form or POST /api/requests) gets a 查询码 too, kept in
-- gk_portal_submission (only its salted SHA-256) linked to its case, so the portal tracks it by case number.
-- Such a row holds no personal data (that stays in the case register), so these columns may be empty.
ALTER TABLE gk_portal_submission ALTER COLUMN applicant_type DROP NOT NULL;
ALTER TABLE gk_portal_submission ALTER COLUMN applicant_name DROP NOT NULL;
ALTER TABLE gk_portal_submission ALTER COLUMN id_type DROP NOT NULL;
ALTER TABLE gk_portal_submission ALTER COLUMN id_number DROP NOT NULL;
ALTER TABLE gk_portal_submission ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE gk_portal_submission ALTER COLUMN description DROP NOT NULL;
