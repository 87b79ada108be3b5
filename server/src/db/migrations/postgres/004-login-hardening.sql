-- Login hardening (docs/operations.md "Threat model: sign-in").

-- Bumped by every change that must end a user's sessions (password, role, binding, disable). A login
-- remembers the version it checked the password against and opens its session only if it is still current.
ALTER TABLE users ADD COLUMN auth_version INTEGER NOT NULL DEFAULT 0;

-- Failures now live in login_throttle, keyed by name and address whether or not the name exists;
-- the per-user counters were read-modified-written and are gone.
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN last_failed_at_ms;
ALTER TABLE users DROP COLUMN locked_until_ms;

-- A session belongs to one auth_version of its user; last_seen_ms drives the idle timeout.
ALTER TABLE sessions ADD COLUMN auth_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN last_seen_ms BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_ms = created_at_ms;

-- One row per throttled key: 'user:<name>', 'ip:<address>' or 'user+ip:<address> <name>' (name lower-cased).
-- `attempts` counts failures plus logins still checking their password, so a burst cannot outrun the count.
CREATE TABLE login_throttle (
  key TEXT PRIMARY KEY,
  username TEXT,
  attempts INTEGER NOT NULL,
  window_start_ms BIGINT NOT NULL,
  locked_until_ms BIGINT
);
CREATE INDEX login_throttle_window ON login_throttle (window_start_ms);
CREATE INDEX login_throttle_username ON login_throttle (username);
