-- event_label_parts.sql: per article, the words an event label is built from: what happened
-- (trigger, as the article wrote it), where (places, and the same names tagged otherwise
-- elsewhere, as the small parser often tags an unknown town; the lead's count twice) and when (the
-- single days its lead dates outside its dateline, and its filing day as a fallback). Why: an event is named by
-- what happened, where and when ("Earthquake in Melkin, 6 May 2031"), in its own
-- articles' words; crosscheck/event_labels.py picks the most shared of each per event.
-- $lead_sentences: crosscheck.events.LEAD_SENTENCES.
SELECT article_id, 'what' AS part, term AS value, surface, 1.0 AS weight
FROM article_terms WHERE kind = 'trigger'
UNION ALL
SELECT article_id, CASE WHEN kind = 'place' THEN 'where' ELSE 'named' END, term, surface,
       CASE WHEN in_lead THEN 2.0 ELSE 1.0 END
FROM article_terms WHERE kind IN ('place', 'person', 'org')  -- the parser may call a town a person
UNION ALL
SELECT c.article_id, 'when', left(c.low_date, 10), left(c.low_date, 10), 1.0
FROM claims AS c
LEFT JOIN article_datelines AS d ON d.article_id = c.article_id
     AND c.char_start < d.char_end AND c.char_end > d.char_start
WHERE c.kind = 'date' AND c.sentence_idx < $lead_sentences AND left(c.low_date, 10) = left(c.high_date, 10)
  AND d.article_id IS NULL  -- the dateline's day is the filing day, not the event's
UNION ALL
SELECT a.article_id, 'filed', left(coalesce(d.published_from_text, a.published), 10),
       left(coalesce(d.published_from_text, a.published), 10), 1.0
FROM articles AS a LEFT JOIN article_datelines AS d USING (article_id)
WHERE coalesce(d.published_from_text, a.published) IS NOT NULL
ORDER BY article_id, part, value, surface;
