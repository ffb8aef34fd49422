-- Letters rendered after commit (issue 15): a generated version is committed with everything it will say
-- (render_model: the letter kind and its filled-in fields as JSON) and empty content; it is rendered into its
-- .docx right after the commit, on first read, or by the sweep at start-up, which then sets content, size and
-- checksum and clears render_model. A crash between the commit and the rendering therefore loses nothing.
ALTER TABLE gk_document_version ADD COLUMN render_model VARCHAR(100000);
