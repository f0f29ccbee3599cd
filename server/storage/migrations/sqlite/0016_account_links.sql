-- Invitations and password resets by e-mail (issue 15). A link is single-use and expires; the
-- database keeps only the digest of its token. Mail waits in an outbox that a sender delivers
-- after the change that wrote it has committed (so no mail leaves for a change rolled back, and
-- a mail server that is down delays it, never the request); its body is cleared once sent.
CREATE TABLE account_link (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'reset')),
  token_hash TEXT NOT NULL UNIQUE,
  programme_id INTEGER REFERENCES programme(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX account_link_user ON account_link(user_id);
CREATE INDEX account_link_programme ON account_link(programme_id);

CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE sent_at IS NULL;
