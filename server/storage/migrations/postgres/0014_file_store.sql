-- Files leave the database (issue 16): an import's spreadsheet and a certificate logo are kept in
-- the file store under the SHA-256 of their bytes, which the row names; a project attachment's
-- digest was already in its sha256 column. The old inline columns stay, empty: start-up moves what
-- a database written before this migration holds in them (storage/file_contents.cpp).
ALTER TABLE import_upload ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE programme_logo ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT '';
CREATE INDEX import_upload_file ON import_upload(content_sha256);
CREATE INDEX project_attachment_file ON project_attachment(sha256);
