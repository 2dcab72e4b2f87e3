-- check_consistency.sql: the judged pairs with their verdict and evidence (GX frame
-- `consistency`; a 'conflict' row is a failed expectation carrying both quotes).
-- The verdict is the judge's column when the store has it; otherwise a pair is a conflict
-- exactly when it is in `discrepancies`. Discrepancies whose pair is missing from `alignments`
-- are added as conflicts, so no discrepancy escapes the check. {verdict} and {discrepancy_id}
-- are filled in by checks/suite.py from the table's columns.
-- Incremental: pairs in _kept_pairs (a consistent verdict an earlier run made, on claims that
-- did not change since) are left out; every conflict is validated, every run.
-- Each row names its finding (sql/migrate_5.sql), so Data Docs list a failed expectation's rows
-- grouped by disputed subject.
WITH d AS (
    SELECT * FROM discrepancies WHERE coalesce(last_run_id, $run_id) = $run_id
), d_either AS (
    -- each open discrepancy under both orders of its pair: equality joins only (a join on
    -- "same pair in either order" written with OR is a nested loop, hours on a large store)
    SELECT claim_a, claim_b, discrepancy_id FROM d
    UNION
    SELECT claim_b, claim_a, discrepancy_id FROM d
), al_either AS (
    SELECT claim_a, claim_b FROM alignments
    UNION
    SELECT claim_b, claim_a FROM alignments
), pairs AS (
    SELECT al.claim_a, al.claim_b, al.kind, al.event_id, al.similarity,
           {verdict} AS verdict, {discrepancy_id} AS discrepancy_id
    FROM alignments al
    LEFT JOIN d_either AS d ON d.claim_a = al.claim_a AND d.claim_b = al.claim_b
    WHERE NOT EXISTS (SELECT 1 FROM _kept_pairs k WHERE k.claim_a = al.claim_a AND k.claim_b = al.claim_b)
    UNION ALL
    SELECT d.claim_a, d.claim_b, d.kind, d.event_id, d.similarity, 'conflict', d.discrepancy_id
    FROM d
    WHERE NOT EXISTS (SELECT 1 FROM al_either AS x WHERE x.claim_a = d.claim_a AND x.claim_b = d.claim_b)
)
SELECT fd.finding_id, p.discrepancy_id, p.kind, p.verdict, p.event_id, p.similarity,
       coalesce(dd.severity, '') AS severity, coalesce(dd.subject, ca.subject) AS subject,
       coalesce(dd.superseded, false) AS superseded,
       p.claim_a, ca.article_id AS article_a, ca.quote AS quote_a,
       p.claim_b, cb.article_id AS article_b, cb.quote AS quote_b,
       dd.explanation
FROM pairs p
LEFT JOIN discrepancies dd ON dd.discrepancy_id = p.discrepancy_id
LEFT JOIN claims ca ON ca.claim_id = p.claim_a
LEFT JOIN claims cb ON cb.claim_id = p.claim_b
LEFT JOIN finding_discrepancies fd ON fd.discrepancy_id = p.discrepancy_id
ORDER BY p.kind, p.verdict, fd.finding_id, p.discrepancy_id, p.claim_a, p.claim_b;
