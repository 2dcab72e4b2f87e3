"""Language processing: sentences, value finders (numbers, dates), entities and subjects."""
