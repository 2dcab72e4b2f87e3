-- report_findings.sql: the findings of run $run_id in report order, each with its pairs' ids.
-- Why: report.json lists findings by confidence then severity (the order build_findings ranked
-- them in) and each names the pairs it groups, so a reader can go from a finding to its evidence.
SELECT f.finding_id, f.rank, f.event_id, f.kind, f.subject, f.severity, f.confidence, f.summary, f.claim_ids,
       list(fd.discrepancy_id ORDER BY fd.discrepancy_id) AS discrepancy_ids
FROM findings AS f
JOIN finding_discrepancies AS fd USING (finding_id)
WHERE f.run_id = $run_id
GROUP BY ALL
ORDER BY f.rank;
