-- Programme setup (issue 12): a programme has a status (draft, active, closed) and the locale its
-- numbers and dates are written in. Programmes loaded before this were running courses.
ALTER TABLE programme ADD COLUMN locale TEXT NOT NULL DEFAULT '';
ALTER TABLE programme ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed'));
UPDATE programme SET locale = 'es-' || country WHERE locale = '';
