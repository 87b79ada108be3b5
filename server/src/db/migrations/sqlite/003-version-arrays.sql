-- Each version's figures packed as one array (float64, little-endian, indicator-major × county) for the
-- in-memory fact store to load in one read per version. Derived from report_values, which stays the
-- source of truth; `layout` names the indicator and county order the array was packed in, so a changed
-- catalogue falls back to report_values. Written in the same transaction as the version; never changed.
CREATE TABLE version_arrays (
  version_id INTEGER PRIMARY KEY REFERENCES report_versions(id),
  layout TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE TRIGGER version_arrays_no_update BEFORE UPDATE ON version_arrays BEGIN SELECT RAISE(ABORT, 'version arrays are immutable'); END;
CREATE TRIGGER version_arrays_no_delete BEFORE DELETE ON version_arrays BEGIN SELECT RAISE(ABORT, 'version arrays are immutable'); END;
