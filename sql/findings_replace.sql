-- findings_replace.sql: this run's findings (registered as _findings and _finding_discrepancies)
-- replace the previous run's. Why replace: findings are derived from the open discrepancies,
-- which the run has just re-judged; their ids are derived too, so a finding that stands keeps
-- its id.
DELETE FROM finding_discrepancies;
DELETE FROM findings;
INSERT INTO findings SELECT finding_id, run_id, event_id, kind, subject, severity, confidence, summary, rank, claim_ids
FROM _findings;
INSERT INTO finding_discrepancies SELECT discrepancy_id, finding_id FROM _finding_discrepancies;
