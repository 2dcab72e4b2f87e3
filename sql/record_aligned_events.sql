-- record_aligned_events.sql: remember the members key each re-aligned event was aligned under
-- (after candidate_pairs.sql), and forget events that no longer exist.
INSERT OR REPLACE INTO aligned_events (event_id, members_key)
SELECT event_id, members_key FROM _align_events;
