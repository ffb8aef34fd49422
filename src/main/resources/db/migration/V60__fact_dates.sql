-- A fact carries the day it happened (domain §11): each step's history row keeps the day of its fact
-- apart from who recorded it when (actor, occurred_at); the register keeps the sign-off day (the reply
-- letter's date) and the day an extension was approved (it counts only on or before the deadline).
ALTER TABLE gk_case_event ADD COLUMN fact_on DATE;
ALTER TABLE gk_disclosure_case ADD COLUMN signed_off_on DATE;
ALTER TABLE gk_disclosure_case ADD COLUMN extension_approved_on DATE;
