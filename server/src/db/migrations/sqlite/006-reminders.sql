-- 催报: the statistics office reminds a late department of a month's report. Append-only; a reminder stops
-- showing once the department files that month (a query, not an update).
CREATE TABLE reminders (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  department TEXT NOT NULL,
  month TEXT NOT NULL,
  note TEXT
);
CREATE INDEX reminders_department_month ON reminders (department, month);
CREATE TRIGGER reminders_no_update BEFORE UPDATE ON reminders BEGIN SELECT RAISE(ABORT, 'reminders are append-only'); END;
CREATE TRIGGER reminders_no_delete BEFORE DELETE ON reminders BEGIN SELECT RAISE(ABORT, 'reminders are append-only'); END;
