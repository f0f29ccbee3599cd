-- Final projects (issue 4): the rubric, projects and their submitted versions (GCM objectives,
-- PDF attachments), jurors and their conflicts, reviews and their scores, recognitions.
-- The ranking is never stored: domain/ranking derives it from the submitted reviews.

ALTER TABLE programme ADD COLUMN project_deadline TEXT;
ALTER TABLE programme ADD COLUMN jurors_per_project INTEGER NOT NULL DEFAULT 3;
ALTER TABLE programme ADD COLUMN disagreement_threshold REAL NOT NULL DEFAULT 20;
ALTER TABLE programme ADD COLUMN rubric_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE rubric_criterion (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  title_es TEXT NOT NULL,
  title_en TEXT NOT NULL,
  weight REAL NOT NULL CHECK (weight >= 0),
  scale_min INTEGER NOT NULL,
  scale_max INTEGER NOT NULL CHECK (scale_max > scale_min),
  UNIQUE (programme_id, code)
);

-- What each level of a criterion means, in both languages.
CREATE TABLE rubric_level (
  criterion_id INTEGER NOT NULL REFERENCES rubric_criterion(id) ON DELETE CASCADE,
  level INTEGER NOT NULL,
  description_es TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (criterion_id, level)
);

CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL UNIQUE REFERENCES team(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'reopened')),
  current_version INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1
);

-- Every submission is kept; the project shows its current one.
CREATE TABLE project_version (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  problem TEXT NOT NULL,
  objectives TEXT NOT NULL,
  target_population TEXT NOT NULL,
  human_rights TEXT NOT NULL,
  expected_results TEXT NOT NULL,
  gcm_objectives TEXT NOT NULL,  -- "3,10,23": the numbers, ascending
  submitted_at TEXT NOT NULL,
  submitted_by INTEGER,
  PRIMARY KEY (project_id, number)
);

CREATE TABLE project_attachment (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  version_number INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL
);
CREATE INDEX project_attachment_project ON project_attachment(project_id, version_number);

CREATE TABLE juror (
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  institution_id INTEGER REFERENCES institution(id),
  PRIMARY KEY (programme_id, user_id)
);

CREATE TABLE juror_conflict (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  team_id INTEGER REFERENCES team(id) ON DELETE CASCADE,
  institution_id INTEGER REFERENCES institution(id),
  reason TEXT NOT NULL DEFAULT '',
  CHECK ((team_id IS NULL) <> (institution_id IS NULL))
);

-- A review exists from the moment a juror is assigned; submitted_at is set when it is sent.
CREATE TABLE review (
  project_id INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  assigned_at TEXT NOT NULL,
  submitted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX review_user ON review(user_id);

CREATE TABLE review_score (
  project_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  criterion_id INTEGER NOT NULL REFERENCES rubric_criterion(id) ON DELETE CASCADE,
  level INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (project_id, user_id, criterion_id),
  FOREIGN KEY (project_id, user_id) REFERENCES review(project_id, user_id) ON DELETE CASCADE
);

CREATE TABLE recognition (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('best_project_national', 'group_leader')),
  project_id INTEGER REFERENCES project(id) ON DELETE CASCADE,
  enrollment_id INTEGER REFERENCES enrollment(id) ON DELETE CASCADE,
  confirmed_by INTEGER,
  confirmed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX recognition_best_project ON recognition(programme_id) WHERE kind = 'best_project_national';
