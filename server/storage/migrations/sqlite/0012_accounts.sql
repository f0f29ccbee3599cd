-- Accounts and the audit (issue 15): a session also ends after an idle time, so it records when it
-- was last seen; the audit names the programme and the request of each event, and its rows are
-- never changed or deleted.
ALTER TABLE http_session ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
UPDATE http_session SET last_seen_at = created_at;
CREATE INDEX http_session_user ON http_session(user_id);

ALTER TABLE audit_event ADD COLUMN programme_id INTEGER;
ALTER TABLE audit_event ADD COLUMN request_id TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_event_programme ON audit_event(programme_id, at);

-- One line each: the migration runner ends a statement at a ';' that ends a line.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit events are never changed'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit events are never deleted'); END;
