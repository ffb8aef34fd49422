-- Supervision (督办): the overview counts open cases by state and pages each state by due date.
-- One index serves both: open cases (status) in due-date order, id as the tie-breaker of a page.
CREATE INDEX ix_disclosure_case_open_due ON gk_disclosure_case (status, reply_due_on, id);
