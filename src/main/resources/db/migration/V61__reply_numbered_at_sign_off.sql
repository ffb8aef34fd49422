-- A reply letter is drafted unnumbered and gets its document number and date at sign-off (签发), so a
-- reply returned by the reviewer or the leader consumes no number; the draft's data is kept to render it
-- again, numbered and dated, when signed. Numbered documents keep both columns filled.
ALTER TABLE gk_document ALTER COLUMN doc_number DROP NOT NULL;
ALTER TABLE gk_document ALTER COLUMN doc_seq DROP NOT NULL;
ALTER TABLE gk_document ADD COLUMN draft_data VARCHAR(100000);
