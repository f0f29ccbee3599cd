-- Graduation (issue 13): the programme's requirements beyond overall attendance and module pass
-- marks, each its own choice; and the coordinator's overrides of eligibility, either way, each
-- with the written justification the decision rests on.
ALTER TABLE programme ADD COLUMN module_attendance_threshold REAL;
ALTER TABLE programme ADD COLUMN minimum_final_grade REAL;
ALTER TABLE programme ADD COLUMN require_all_modules INTEGER NOT NULL DEFAULT 1;
ALTER TABLE programme ADD COLUMN require_project INTEGER NOT NULL DEFAULT 1;

CREATE TABLE graduation_override (
  enrollment_id BIGINT PRIMARY KEY REFERENCES enrollment(id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('graduate', 'withhold')),
  justification TEXT NOT NULL,
  decided_by BIGINT,
  decided_at TEXT NOT NULL
);
