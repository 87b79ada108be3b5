-- Each version's figures packed as one array (float64, little-endian, indicator-major × county) for the
-- in-memory fact store to load in one read per version. Derived from report_values, which stays the
-- source of truth; `layout` names the indicator and county order the array was packed in, so a changed
-- catalogue falls back to report_values. Written in the same transaction as the version; never changed.
CREATE TABLE version_arrays (
  version_id BIGINT PRIMARY KEY REFERENCES report_versions(id),
  layout TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE TRIGGER version_arrays_no_change BEFORE UPDATE OR DELETE ON version_arrays FOR EACH ROW
  EXECUTE FUNCTION lz_refuse_change('version arrays are immutable');
CREATE TRIGGER version_arrays_no_truncate BEFORE TRUNCATE ON version_arrays FOR EACH STATEMENT
  EXECUTE FUNCTION lz_refuse_change('version arrays are immutable');
