-- record_validations.sql: one row per expectation result of a run (registered as _validations).
-- Why: data-quality history as plain SQL; the run's old rows are deleted first by the caller.
INSERT INTO validations (run_id, expectation, column_name, success, unexpected_count, result_json)
SELECT run_id, expectation, column_name, success, unexpected_count, result_json
FROM _validations;
