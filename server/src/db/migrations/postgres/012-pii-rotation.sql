-- Key rotation (#15, pnpm pii:rotate): roster lines stay immutable except for the rotation, which re-encrypts
-- the numbers and recomputes their keyed hashes. The rotation marks itself with the one row of pii_rotation
-- inside its own transaction (no other transaction ever sees it: the row is deleted before the commit), and
-- while it is there only the four cipher and hash columns may change; every other column must stay as it was.
CREATE TABLE pii_rotation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at TEXT NOT NULL
);

CREATE FUNCTION lz_roster_line_rotation_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  numbers CONSTANT text[] := ARRAY['id_cipher', 'id_hash', 'phone_cipher', 'phone_hash'];
BEGIN
  IF EXISTS (SELECT 1 FROM pii_rotation)
    AND (to_jsonb(NEW) - numbers) = (to_jsonb(OLD) - numbers)
    AND (NEW.phone_cipher IS NULL) = (OLD.phone_cipher IS NULL)
    AND (NEW.phone_hash IS NULL) = (OLD.phone_hash IS NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'roster lines are immutable' USING ERRCODE = 'restrict_violation';
END
$$;

DROP TRIGGER roster_lines_no_change ON roster_lines;
CREATE TRIGGER roster_lines_no_delete BEFORE DELETE ON roster_lines FOR EACH ROW
  EXECUTE FUNCTION lz_refuse_change('roster lines are immutable');
CREATE TRIGGER roster_lines_rotation_only BEFORE UPDATE ON roster_lines FOR EACH ROW
  EXECUTE FUNCTION lz_roster_line_rotation_only();
