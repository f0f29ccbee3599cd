-- Foundation: programme structure, people, users and their grants, HTTP sessions, audit.
-- Times are ISO 8601 UTC text; dates are ISO 8601 text. Every editable row has a version.

CREATE TABLE programme (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title_es TEXT NOT NULL,
  title_en TEXT NOT NULL,
  description_es TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  modality TEXT NOT NULL DEFAULT 'in_person',
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE programme_sdg (
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  sdg INTEGER NOT NULL CHECK (sdg BETWEEN 1 AND 17),
  PRIMARY KEY (programme_id, sdg)
);

CREATE TABLE programme_organisation (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('implementer', 'funder')),
  name_es TEXT NOT NULL,
  name_en TEXT NOT NULL,
  acronym TEXT NOT NULL DEFAULT ''
);

CREATE TABLE module (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title_es TEXT NOT NULL,
  title_en TEXT NOT NULL,
  hours REAL NOT NULL DEFAULT 0,
  pass_mark REAL NOT NULL DEFAULT 0,
  weight REAL NOT NULL DEFAULT 0,
  illustrative INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (programme_id, position)
);

CREATE TABLE session (
  id INTEGER PRIMARY KEY,
  module_id INTEGER NOT NULL REFERENCES module(id) ON DELETE CASCADE,
  title_es TEXT NOT NULL DEFAULT '',
  title_en TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE subdivision (
  code TEXT PRIMARY KEY,
  country TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL
);

CREATE TABLE institution (
  id INTEGER PRIMARY KEY,
  name_es TEXT NOT NULL,
  name_en TEXT NOT NULL,
  acronym TEXT NOT NULL DEFAULT '',
  sector TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT 'national',
  valid_from TEXT,
  valid_to TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (name_es)
);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  given_names TEXT NOT NULL,
  family_names TEXT NOT NULL,
  sort_name TEXT NOT NULL DEFAULT '',
  sex TEXT NOT NULL DEFAULT 'undisclosed' CHECK (sex IN ('female', 'male', 'other', 'undisclosed')),
  email TEXT UNIQUE,
  institution_id INTEGER REFERENCES institution(id),
  position TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL CHECK (level IN ('national', 'local')),
  subdivision_code TEXT REFERENCES subdivision(code),
  version INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX person_sort_name ON person(sort_name);

CREATE TABLE team (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  subdivision_code TEXT REFERENCES subdivision(code),
  group_leader_enrollment_id INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (programme_id, name)
);

CREATE TABLE enrollment (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id),
  team_id INTEGER REFERENCES team(id),
  status TEXT NOT NULL DEFAULT 'enrolled' CHECK (status IN ('enrolled', 'withdrawn', 'completed', 'graduated')),
  withdrawal_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (programme_id, person_id)
);
CREATE INDEX enrollment_programme ON enrollment(programme_id);

CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  person_id INTEGER REFERENCES person(id),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE role_grant (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'instructor', 'juror', 'group_leader', 'participant', 'observer')),
  programme_id INTEGER REFERENCES programme(id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX role_grant_unique ON role_grant(user_id, role, COALESCE(programme_id, 0));

CREATE TABLE http_session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE audit_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  details TEXT NOT NULL DEFAULT '{}'
);
