-- Consent to the installation's privacy notice (issue 15, Ley 81): each acceptance and withdrawal,
-- with the notice's version, kept as a history; the newest event is the user's state.
CREATE TABLE consent_event (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  notice_version TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('accept', 'withdraw')),
  at TEXT NOT NULL
);
CREATE INDEX consent_event_user ON consent_event(user_id, id);
