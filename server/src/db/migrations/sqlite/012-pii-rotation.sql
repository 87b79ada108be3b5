-- Key rotation (#15, pnpm pii:rotate): roster lines stay immutable except for the rotation, which re-encrypts
-- the numbers and recomputes their keyed hashes. The rotation marks itself with the one row of pii_rotation
-- inside its own transaction (no other writer ever sees it: the row is deleted before the commit), and while
-- it is there only the four cipher and hash columns may change; every other column must stay as it was.
CREATE TABLE pii_rotation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at TEXT NOT NULL
);

DROP TRIGGER roster_lines_no_update;
CREATE TRIGGER roster_lines_no_update BEFORE UPDATE ON roster_lines
  WHEN NOT (EXISTS (SELECT 1 FROM pii_rotation)
    AND NEW.id = OLD.id AND NEW.roster_id = OLD.roster_id AND NEW.line = OLD.line AND NEW.name = OLD.name
    AND NEW.gender = OLD.gender AND NEW.id_masked = OLD.id_masked AND NEW.phone_masked IS OLD.phone_masked
    AND NEW.month = OLD.month AND NEW.trainee_group IS OLD.trainee_group AND NEW.poor = OLD.poor
    AND NEW.certificate_type IS OLD.certificate_type AND NEW.certificate_no IS OLD.certificate_no
    AND NEW.training_subsidy = OLD.training_subsidy AND NEW.living_subsidy = OLD.living_subsidy
    AND NEW.assessment_subsidy = OLD.assessment_subsidy
    AND (NEW.phone_cipher IS NULL) = (OLD.phone_cipher IS NULL)
    AND (NEW.phone_hash IS NULL) = (OLD.phone_hash IS NULL))
  BEGIN SELECT RAISE(ABORT, 'roster lines are immutable'); END;
