-- forget_aligned_events.sql: drop the bookkeeping of events that no longer exist, so an event
-- id that comes back later is aligned again.
DELETE FROM aligned_events WHERE event_id NOT IN (SELECT event_id FROM events);
