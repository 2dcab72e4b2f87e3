-- upsert_discrepancies.sql: replace the open discrepancies with this run's, keeping history.
-- Why: a discrepancy id derives from its claim pair, so the same contradiction keeps its id and
-- its first_run_id across runs; the run's report can then say new / still open / resolved.
INSERT OR REPLACE INTO discrepancies
SELECT v.discrepancy_id, v.claim_a, v.claim_b, v.kind, v.event_id, v.grp, v.subject, v.severity,
       v.similarity, v.explanation, v.superseded,
       coalesce(d.first_run_id, v.run_id) AS first_run_id,
       v.run_id AS last_run_id,
       v.confidence
FROM _discrepancies AS v
LEFT JOIN discrepancies AS d USING (discrepancy_id);
