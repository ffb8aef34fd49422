-- 三同步 (issue 10 §1): a fact carries the day it happened; who recorded it, and when, is kept apart.
-- Runs on H2 and PostgreSQL.

-- the day the drafter last resubmitted the pair, the day the office received it, the day the leader
-- approved the pair (joint_approved_at / received_at stay the moments they were recorded)
ALTER TABLE gk_policy_case ADD COLUMN resubmitted_on DATE;
ALTER TABLE gk_policy_case ADD COLUMN received_on DATE;
ALTER TABLE gk_policy_case ADD COLUMN joint_approved_on DATE;

-- the day of the fact a step recorded (occurred_at is the moment it was recorded, actor who recorded it)
ALTER TABLE gk_policy_event ADD COLUMN fact_on DATE;

-- the engine glue finds a case by its process instance (one case per instance), never by a variable a user can set
CREATE UNIQUE INDEX uq_policy_case_instance ON gk_policy_case (process_instance_id);
