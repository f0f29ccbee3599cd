-- Teaching (issue 3): the programme's grading policy, where sessions happen, assessments, grades
-- and attendance. Module grades, final grades and progress are never stored: the gradebook
-- derives them (domain/gradebook).

ALTER TABLE programme ADD COLUMN module_pass_mark REAL NOT NULL DEFAULT 70;
ALTER TABLE programme ADD COLUMN missing_grade TEXT NOT NULL DEFAULT 'counts_as_zero';
ALTER TABLE programme ADD COLUMN rounding_decimals INTEGER NOT NULL DEFAULT 1;
ALTER TABLE programme ADD COLUMN attendance_threshold REAL NOT NULL DEFAULT 80;
ALTER TABLE programme ADD COLUMN excused_absence TEXT NOT NULL DEFAULT 'left_out';

ALTER TABLE session ADD COLUMN place TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN online_link TEXT NOT NULL DEFAULT '';
CREATE INDEX session_module ON session(module_id);

CREATE TABLE assessment (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  module_id INTEGER REFERENCES module(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('quiz', 'assignment', 'exam', 'participation', 'project', 'pretest', 'posttest')),
  title_es TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  max_score REAL NOT NULL CHECK (max_score > 0),
  weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
  due_date TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (programme_id, code)
);

CREATE TABLE grade (
  enrollment_id INTEGER NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
  assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (assessment_id, enrollment_id)
) WITHOUT ROWID;
-- Clustered by assessment: a programme's grades are a few range scans; one person's, by this index.
CREATE INDEX grade_enrollment ON grade(enrollment_id);

CREATE TABLE attendance (
  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
  enrollment_id INTEGER NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
  mark TEXT NOT NULL CHECK (mark IN ('present', 'late', 'excused', 'absent')),
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (session_id, enrollment_id)
) WITHOUT ROWID;
CREATE INDEX attendance_enrollment ON attendance(enrollment_id);
