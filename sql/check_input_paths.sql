-- check_input_paths.sql: every path an article or run $run_id's skip names.
-- Why: a file in the input folder that none of them names is 'unaccounted'; this must see all
-- stored articles, also those the incremental checkpoint does not validate again.
SELECT path FROM articles WHERE path IS NOT NULL
UNION ALL
SELECT path FROM skipped WHERE run_id = $run_id;
