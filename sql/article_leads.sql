-- article_leads.sql: each article's lead embedding with the metadata event clustering uses.
-- Why: articles about one event share their lead (title + first sentences) far more than
-- their later paragraphs, which drift into background and other events.
SELECT a.article_id, a.published, a.title, e.embedding
FROM articles AS a
JOIN embeddings AS e ON e.text_hash = a.lead_hash
ORDER BY a.article_id;
