-- Annual splits of a city target (目标责任制度 allows configuring per-year pace; without one the pace is linear).
CREATE TABLE target_splits (
  target TEXT NOT NULL REFERENCES targets(code),
  year INTEGER NOT NULL,
  value DOUBLE PRECISION NOT NULL CHECK (value >= 0),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (target, year)
);
