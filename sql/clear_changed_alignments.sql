-- clear_changed_alignments.sql: drop the pairs of events that are aligned again this run
-- (_align_events) and of events that no longer exist, and their bookkeeping rows.
-- Why: candidate_pairs.sql then inserts exactly the pairs of the changed events.
DELETE FROM alignments
WHERE event_id IN (SELECT event_id FROM _align_events)
   OR event_id NOT IN (SELECT event_id FROM events);
