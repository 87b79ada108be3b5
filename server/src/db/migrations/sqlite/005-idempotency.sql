-- Answers to writes sent with an Idempotency-Key, so a retried request returns the first answer instead of
-- writing again. status is NULL while the first request is still running.
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER,
  content_type TEXT,
  body TEXT,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at_ms);
