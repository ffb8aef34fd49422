-- A case is found by its process instance on every task event, step and deadline job of its process
-- (CaseRegister.findByProcessInstance, CaseStudyRegister): without an index each of those read the whole register.
CREATE INDEX ix_disclosure_case_instance ON gk_disclosure_case (process_instance_id);
CREATE INDEX ix_case_study_instance ON gk_case_study (process_instance_id);
