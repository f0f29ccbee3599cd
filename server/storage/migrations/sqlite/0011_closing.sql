-- Closing the course (issue 14): the ceremony (when, where, its run of show and its guests with
-- their precedence, answer and arrival), the satisfaction survey, and the news release's draft.
CREATE TABLE ceremony (
  programme_id INTEGER PRIMARY KEY REFERENCES programme(id) ON DELETE CASCADE,
  starts_at TEXT NOT NULL DEFAULT '',  -- local time in the programme's time zone, YYYY-MM-DDTHH:MM
  venue TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE ceremony_item (
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  at TEXT NOT NULL,  -- HH:MM
  title_es TEXT NOT NULL,
  title_en TEXT NOT NULL,
  PRIMARY KEY (programme_id, position)
);

CREATE TABLE ceremony_guest (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  title_es TEXT NOT NULL,
  title_en TEXT NOT NULL,
  institution TEXT NOT NULL,
  precedence INTEGER NOT NULL,
  authority INTEGER NOT NULL DEFAULT 1,
  rsvp TEXT NOT NULL DEFAULT 'pending' CHECK (rsvp IN ('pending', 'accepted', 'declined')),
  checked_in_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (programme_id, name, institution)
);
CREATE INDEX ceremony_guest_programme ON ceremony_guest (programme_id, precedence);

-- The survey's answers carry no respondent: who answered is kept apart (survey_respondent), and a
-- response's id is random, so neither its order nor its time ties it to a person.
CREATE TABLE survey_question (
  id INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('likert', 'open')),
  text_es TEXT NOT NULL,
  text_en TEXT NOT NULL,
  scale_min INTEGER NOT NULL DEFAULT 1,
  scale_max INTEGER NOT NULL DEFAULT 5
);

CREATE TABLE survey_respondent (
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  enrollment_id INTEGER NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
  PRIMARY KEY (programme_id, enrollment_id)
);

CREATE TABLE survey_answer (
  response_id INTEGER NOT NULL,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES survey_question(id) ON DELETE CASCADE,
  value INTEGER,
  text TEXT,
  PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_answer_question ON survey_answer (question_id);

CREATE TABLE news_draft (
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  language TEXT NOT NULL CHECK (language IN ('es', 'en')),
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (programme_id, language)
);
