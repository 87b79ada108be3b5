-- Reference data (synced from data/campaigns/<code>/ at start; the JSON files are the source of truth).
CREATE TABLE units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  display_order INTEGER NOT NULL,
  population INTEGER,
  data TEXT NOT NULL
);
CREATE TABLE departments (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  owes_reports INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE indicators (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('flow', 'stock')),
  data TEXT NOT NULL
);
CREATE TABLE targets (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  value REAL NOT NULL,
  data TEXT NOT NULL
);

-- 目标责任制度: shares of a target for a department (county NULL) or for a county within a department;
-- year NULL is the whole window.
CREATE TABLE allocations (
  id INTEGER PRIMARY KEY,
  target TEXT NOT NULL REFERENCES targets(code),
  department TEXT NOT NULL REFERENCES departments(code),
  county TEXT REFERENCES units(code),
  year INTEGER,
  value REAL NOT NULL CHECK (value >= 0),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE UNIQUE INDEX allocations_key ON allocations (target, department, ifnull(county, ''), ifnull(year, 0));

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'reporter', 'inspector', 'county')),
  department TEXT REFERENCES departments(code),
  county TEXT REFERENCES units(code),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  last_failed_at_ms INTEGER,
  locked_until_ms INTEGER,
  CHECK ((role = 'reporter') = (department IS NOT NULL)),
  CHECK ((role = 'county') = (county IS NOT NULL))
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Every submission is a new row; rows are never updated or deleted (enforced below).
CREATE TABLE report_versions (
  id INTEGER PRIMARY KEY,
  department TEXT NOT NULL REFERENCES departments(code),
  month TEXT NOT NULL,
  version INTEGER NOT NULL,
  submitted_at_ms INTEGER NOT NULL,
  submitted_by TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('form', 'file', 'demo')),
  file_name TEXT,
  warnings TEXT NOT NULL DEFAULT '[]',
  UNIQUE (department, month, version)
);
CREATE INDEX report_versions_asof ON report_versions (month, department, submitted_at_ms, version);

CREATE TABLE report_values (
  version_id INTEGER NOT NULL REFERENCES report_versions(id),
  county TEXT NOT NULL REFERENCES units(code),
  indicator TEXT NOT NULL REFERENCES indicators(code),
  value REAL NOT NULL,
  PRIMARY KEY (version_id, indicator, county)
) WITHOUT ROWID;

-- The city column totals of each version, kept beside the values so dashboards read ~30 rows a report.
CREATE TABLE version_totals (
  version_id INTEGER NOT NULL REFERENCES report_versions(id),
  indicator TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (version_id, indicator)
) WITHOUT ROWID;

-- Lifecycle history: submit / accept / return / unlock, append-only; status at any date derives from it.
CREATE TABLE report_events (
  id INTEGER PRIMARY KEY,
  department TEXT NOT NULL,
  month TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('submit', 'accept', 'return', 'unlock')),
  version INTEGER,
  reason TEXT
);
CREATE INDEX report_events_key ON report_events (department, month, at_ms);

-- Current state of each report: a maintained rollup of report_events and report_versions.
CREATE TABLE reports (
  department TEXT NOT NULL REFERENCES departments(code),
  month TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'returned', 'accepted')),
  latest_version INTEGER NOT NULL,
  first_submitted_at_ms INTEGER NOT NULL,
  on_time INTEGER NOT NULL,
  status_reason TEXT,
  PRIMARY KEY (department, month)
) WITHOUT ROWID;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT,
  action TEXT NOT NULL,
  target TEXT,
  before TEXT,
  after TEXT,
  ip TEXT
);
CREATE INDEX audit_log_action ON audit_log (action, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER report_versions_no_update BEFORE UPDATE ON report_versions BEGIN SELECT RAISE(ABORT, 'report versions are immutable'); END;
CREATE TRIGGER report_versions_no_delete BEFORE DELETE ON report_versions BEGIN SELECT RAISE(ABORT, 'report versions are immutable'); END;
CREATE TRIGGER report_values_no_update BEFORE UPDATE ON report_values BEGIN SELECT RAISE(ABORT, 'report values are immutable'); END;
CREATE TRIGGER report_values_no_delete BEFORE DELETE ON report_values BEGIN SELECT RAISE(ABORT, 'report values are immutable'); END;
CREATE TRIGGER report_events_no_update BEFORE UPDATE ON report_events BEGIN SELECT RAISE(ABORT, 'report events are append-only'); END;
CREATE TRIGGER report_events_no_delete BEFORE DELETE ON report_events BEGIN SELECT RAISE(ABORT, 'report events are append-only'); END;

-- 督查责任制度: findings of inspections, followed to closure.
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('county', 'department')),
  subject TEXT NOT NULL,
  inspection TEXT NOT NULL CHECK (inspection IN ('quarterly', 'half-year', 'annual')),
  period TEXT NOT NULL,
  finding TEXT NOT NULL,
  rectification TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closing_note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  closed_at TEXT
);
