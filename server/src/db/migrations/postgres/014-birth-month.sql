-- 实名制 at scale (#15): each line's birth year-month, derived from the ID number at filing and kept plain, so
-- the retirement-age scan need not decrypt every number (docs/decisions.md). Lines filed before it are NULL
-- and are decrypted by the scan. The column is not the number: a month of birth names no one.
ALTER TABLE roster_lines ADD COLUMN birth_month TEXT;

-- The person index also carries the class: the rescan's overlap pass walks it in order and probes it for the
-- same person's earlier classes without reading a line, and a lookup by person finds its classes in it alone.
DROP INDEX roster_lines_person;
CREATE INDEX roster_lines_person ON roster_lines (id_hash, roster_id);
