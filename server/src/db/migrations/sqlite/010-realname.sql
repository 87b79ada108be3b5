-- 实名制 (#15): the training catalogues, class rosters and their lines, the flags inspectors adjudicate, and the
-- key check of the personal-data key. Lines are never changed; a roster is withdrawn, never deleted.

-- 目录清单制度: institutions the office approves (occupation × level in `approved`, JSON) and training projects.
CREATE TABLE training_institutions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  county TEXT NOT NULL,
  type TEXT NOT NULL,
  approved TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('有效', '暂停', '注销')),
  approved_on TEXT NOT NULL,
  status_since TEXT,
  status_reason TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE training_projects (
  id INTEGER PRIMARY KEY,
  occupation TEXT NOT NULL,
  code TEXT,
  level TEXT NOT NULL,
  subsidy REAL NOT NULL,
  min_hours INTEGER NOT NULL,
  UNIQUE (occupation, level)
);

-- A class: its month is that of its 结业日期, where its contribution (JSON of leaf indicators) counts.
CREATE TABLE rosters (
  id INTEGER PRIMARY KEY,
  department TEXT NOT NULL REFERENCES departments (code),
  institution_id INTEGER NOT NULL REFERENCES training_institutions (id),
  institution TEXT NOT NULL,
  training_type TEXT NOT NULL,
  occupation TEXT NOT NULL,
  level TEXT NOT NULL,
  county TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  month TEXT NOT NULL,
  hours REAL NOT NULL,
  trainees INTEGER NOT NULL,
  contribution TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  withdrawn_reason TEXT,
  withdrawn_at TEXT,
  withdrawn_by TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  file_name TEXT
);
CREATE INDEX rosters_department_month ON rosters (department, month);
CREATE INDEX rosters_county_month ON rosters (county, month);

-- One trainee: numbers only encrypted (id_cipher, phone_cipher), matched by keyed hash, shown masked.
CREATE TABLE roster_lines (
  id INTEGER PRIMARY KEY,
  roster_id INTEGER NOT NULL REFERENCES rosters (id),
  line INTEGER NOT NULL,
  name TEXT NOT NULL,
  gender TEXT NOT NULL,
  id_cipher TEXT NOT NULL,
  id_hash TEXT NOT NULL,
  id_masked TEXT NOT NULL,
  phone_cipher TEXT,
  phone_hash TEXT,
  phone_masked TEXT,
  month TEXT NOT NULL,
  trainee_group TEXT,
  poor INTEGER NOT NULL,
  certificate_type TEXT,
  certificate_no TEXT,
  training_subsidy REAL NOT NULL,
  living_subsidy REAL NOT NULL,
  assessment_subsidy REAL NOT NULL
);
CREATE INDEX roster_lines_person ON roster_lines (id_hash);
CREATE INDEX roster_lines_phone_month ON roster_lines (phone_hash, month);
CREATE INDEX roster_lines_roster ON roster_lines (roster_id, line);

CREATE TABLE roster_flags (
  id INTEGER PRIMARY KEY,
  roster_id INTEGER NOT NULL REFERENCES rosters (id),
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  evidence TEXT NOT NULL,
  department TEXT NOT NULL,
  county TEXT NOT NULL,
  month TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
  resolution_note TEXT,
  resolved_by TEXT,
  resolved_at TEXT,
  finding_id INTEGER REFERENCES findings (id),
  created_at TEXT NOT NULL
);
CREATE INDEX roster_flags_status ON roster_flags (status, kind, id);
CREATE INDEX roster_flags_roster ON roster_flags (roster_id);

-- The personal-data key's check value (pii-crypto.ts): one row, so a wrong key is refused at start.
CREATE TABLE pii_key_check (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TRIGGER roster_lines_no_update BEFORE UPDATE ON roster_lines BEGIN SELECT RAISE(ABORT, 'roster lines are immutable'); END;
CREATE TRIGGER roster_lines_no_delete BEFORE DELETE ON roster_lines BEGIN SELECT RAISE(ABORT, 'roster lines are immutable'); END;
CREATE TRIGGER rosters_no_delete BEFORE DELETE ON rosters BEGIN SELECT RAISE(ABORT, 'a roster is withdrawn, never deleted'); END;
CREATE TRIGGER rosters_withdraw_only BEFORE UPDATE ON rosters
  WHEN NOT (OLD.status = 'active' AND NEW.status = 'withdrawn' AND NEW.department = OLD.department
    AND NEW.month = OLD.month AND NEW.county = OLD.county AND NEW.contribution = OLD.contribution
    AND NEW.trainees = OLD.trainees AND NEW.start_date = OLD.start_date AND NEW.end_date = OLD.end_date
    AND NEW.created_at = OLD.created_at)
  BEGIN SELECT RAISE(ABORT, 'a roster can only be withdrawn'); END;
CREATE TRIGGER roster_flags_no_delete BEFORE DELETE ON roster_flags BEGIN SELECT RAISE(ABORT, 'flags are kept'); END;
