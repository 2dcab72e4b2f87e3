-- event_acronyms.sql: per event, the acronyms its articles define, for the judge to read an
-- article's bare "KH" through another article's "Kataib Hezbollah (KH)". Ordered so that the
-- first definition of an acronym is always the same one (reruns give the same verdicts).
SELECT ev.event_id, ac.article_id, ac.acronym, ac.full_name
FROM acronyms AS ac
JOIN events AS ev USING (article_id)
ORDER BY ev.event_id, ac.article_id, ac.acronym
