-- texts_to_embed.sql: texts (claim subjects, claim contexts and article leads) that have no
-- embedding yet.
-- Why: embeddings are cached by the hash of the text, so a re-run (or a resumed run after a
-- crash) embeds only what is new, and identical texts are embedded once.
WITH wanted AS (
    SELECT text_hash, embed_text AS text FROM claims
    UNION
    SELECT context_hash, context FROM claim_frames
    UNION
    SELECT lead_hash, lead_text FROM articles WHERE lead_hash IS NOT NULL
)
SELECT DISTINCT w.text_hash, w.text
FROM wanted AS w
ANTI JOIN embeddings AS e ON e.text_hash = w.text_hash
ORDER BY w.text_hash;
