-- Accounts and the audit (issue 15): a session also ends after an idle time, so it records when it
-- was last seen; the audit names the programme and the request of each event, and its rows are
-- never changed or deleted (a trigger refuses UPDATE and DELETE).
ALTER TABLE http_session ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
UPDATE http_session SET last_seen_at = created_at;
CREATE INDEX http_session_user ON http_session(user_id);

ALTER TABLE audit_event ADD COLUMN programme_id BIGINT;
ALTER TABLE audit_event ADD COLUMN request_id TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_event_programme ON audit_event(programme_id, at);

-- One line: the migration runner ends a statement at a ';' that ends a line.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit events are never changed or deleted'; END; $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
