-- 督查整改: the county's answer to a finding about it (整改说明), and who closed a finding.
ALTER TABLE findings ADD COLUMN response TEXT;
ALTER TABLE findings ADD COLUMN responded_at TEXT;
ALTER TABLE findings ADD COLUMN responded_by TEXT;
ALTER TABLE findings ADD COLUMN closed_by TEXT;
