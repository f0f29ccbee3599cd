-- Participants (issue 5): the rest of a person's record, consent, reference aliases for matching,
-- and uploaded spreadsheets waiting for their mapping to be confirmed.

ALTER TABLE person ADD COLUMN gender_identity TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN phone TEXT NOT NULL DEFAULT '';
-- Consent under Ley 81 de 2019: when, under which version of the privacy notice, for what.
ALTER TABLE person ADD COLUMN consent_date TEXT;
ALTER TABLE person ADD COLUMN consent_notice_version TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN consent_purposes TEXT NOT NULL DEFAULT '';
CREATE INDEX person_institution ON person(institution_id);

-- Other spellings that mean the same row ("Kuna Yala" for Guna Yala), separated by "|".
ALTER TABLE subdivision ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
ALTER TABLE institution ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
CREATE INDEX subdivision_country ON subdivision(country);

-- A file kept between upload and confirmation (base64, so both databases store it as text).
CREATE TABLE import_upload (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  file_name TEXT NOT NULL DEFAULT '',
  content TEXT NOT NULL
);
