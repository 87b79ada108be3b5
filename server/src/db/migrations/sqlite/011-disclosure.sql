-- 信息公开 (#16): the office's publications of fund-use quarters, its notice batches (公示) and the objections
-- (异议) the public files against them. A publication row is the quarter's current state; the audit log keeps
-- every publish and withdrawal. An objection keeps a keyed hash of the sender's address, never the address.
CREATE TABLE disclosure_fund_quarters (
  quarter TEXT PRIMARY KEY,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  withdrawn_at TEXT,
  withdrawn_by TEXT
);
CREATE TABLE disclosure_notice_batches (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  department TEXT NOT NULL,
  class_ids TEXT NOT NULL,
  notice_days INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  published_at TEXT,
  published_by TEXT,
  withdrawn_at TEXT,
  withdrawn_by TEXT
);
CREATE TABLE disclosure_objections (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES disclosure_notice_batches (id),
  class_id TEXT,
  name TEXT NOT NULL,
  contact TEXT NOT NULL,
  text TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  answer TEXT,
  answered_by TEXT,
  answered_at TEXT
);
CREATE INDEX disclosure_objections_batch ON disclosure_objections (batch_id);
