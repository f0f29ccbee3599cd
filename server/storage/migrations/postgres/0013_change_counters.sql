-- Change counters, and the sign-in throttle's counts, shared by every process on the database (issue 16). session_changes moves
-- whenever what a cached session stands for may have changed: a session ended, a user's account
-- or grants changed. Each server reads it before trusting a session it keeps in memory, so a
-- sign-out or a disabled account on one server (or from the CLI) counts on every other at once.
-- data_changes moves with every committed write (the unit of work adds one just before COMMIT),
-- so each server's read cache can tell that another server wrote.
CREATE TABLE change_counter (id INTEGER PRIMARY KEY CHECK (id = 1), data_changes BIGINT NOT NULL, session_changes BIGINT NOT NULL);
INSERT INTO change_counter (id, data_changes, session_changes) VALUES (1, 0, 0);

-- One line: the migration runner ends a statement at a ';' that ends a line.
CREATE FUNCTION session_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE change_counter SET session_changes = session_changes + 1 WHERE id = 1; RETURN NULL; END; $$;
CREATE TRIGGER session_change_on_session_end AFTER DELETE ON http_session FOR EACH ROW EXECUTE FUNCTION session_change();
CREATE TRIGGER session_change_on_user AFTER UPDATE OF email, display_name, disabled, password_hash ON app_user FOR EACH ROW EXECUTE FUNCTION session_change();
CREATE TRIGGER session_change_on_grant AFTER INSERT OR UPDATE OR DELETE ON role_grant FOR EACH ROW EXECUTE FUNCTION session_change();

-- The sign-in throttle's counts (docs/security.md), so every server counts the same failures and a
-- restart forgets none. Keys are digests: neither the e-mail nor the address is kept.
CREATE TABLE sign_in_failure (scope TEXT NOT NULL, key_digest TEXT NOT NULL, failures INTEGER NOT NULL, last_failure_at TEXT NOT NULL, PRIMARY KEY (scope, key_digest));
CREATE INDEX sign_in_failure_last ON sign_in_failure(last_failure_at);
