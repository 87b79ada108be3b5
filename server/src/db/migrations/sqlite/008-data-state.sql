-- The read model's data state: one number bumped inside every transaction that changes what dashboards show
-- (figures.commit), so every process notices another's commit with one cheap read (docs/decisions.md).
CREATE TABLE data_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO data_state (id, version) VALUES (1, 0);
