-- Ley 81's rectification (issue 15): a participant asks for a correction of what is held about
-- them; it reaches the programme's coordinators, who resolve it with a note.
CREATE TABLE correction_request (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  enrollment_id INTEGER NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
  request TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
  resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX correction_request_programme ON correction_request(programme_id, id);
CREATE INDEX correction_request_user ON correction_request(user_id, id);
