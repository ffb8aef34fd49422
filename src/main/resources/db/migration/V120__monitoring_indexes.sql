-- /actuator/prometheus counts registrations per channel and letters per kind every 30 s at most:
-- with these indexes the counts read the index only, not the register's rows.
CREATE INDEX ix_disclosure_case_channel ON gk_disclosure_case (channel, import_id);
CREATE INDEX ix_document_kind ON gk_document (kind);
