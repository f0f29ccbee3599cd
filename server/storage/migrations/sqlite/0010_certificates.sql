-- Certificates (issue 13): the programme's layout, signatories and logos, and each certificate
-- issued. A certificate keeps its serial for life; a correction adds a version and marks the
-- older one superseded; a revocation is dated and has a reason.
ALTER TABLE programme ADD COLUMN certificate_layout TEXT NOT NULL DEFAULT 'bilingual' CHECK (certificate_layout IN ('bilingual', 'per_language'));

CREATE TABLE programme_signatory (
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  title_es TEXT NOT NULL,
  title_en TEXT NOT NULL,
  PRIMARY KEY (programme_id, position)
);

CREATE TABLE programme_logo (
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('png', 'svg')),
  content TEXT NOT NULL,
  PRIMARY KEY (programme_id, position)
);

CREATE TABLE certificate (
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  enrollment_id INTEGER NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('graduation', 'best_project', 'group_leader')),
  holder_name TEXT NOT NULL,
  team TEXT NOT NULL DEFAULT '',
  verify_url TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  superseded_at TEXT,
  revoked_at TEXT,
  revocation_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (serial, version)
);
CREATE INDEX certificate_programme ON certificate(programme_id);
CREATE UNIQUE INDEX certificate_current ON certificate(enrollment_id, kind) WHERE superseded_at IS NULL;
