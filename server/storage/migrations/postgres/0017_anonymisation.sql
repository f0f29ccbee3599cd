-- Ley 81's cancellation (issue 15): a person anonymised keeps only what aggregates need (sex,
-- institution, level, subdivision, grades, attendance); this says when their identity went.
ALTER TABLE person ADD COLUMN anonymised_at TEXT;
