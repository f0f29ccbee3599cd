-- Instructors teach modules (issue 3: "instructors see their modules"). An instructor with no
-- module here teaches the whole programme; one with modules sees and records only those.
CREATE TABLE module_instructor (
  module_id INTEGER NOT NULL REFERENCES module(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  PRIMARY KEY (module_id, user_id)
);
CREATE INDEX module_instructor_user ON module_instructor(user_id);
