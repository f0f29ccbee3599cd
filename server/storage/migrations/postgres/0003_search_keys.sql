-- The participants table's search also finds people by province and institution ("Darien" finds
-- those in Darién): folded names (accents and case removed, by ICU in storage/) kept beside them.
ALTER TABLE subdivision ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE institution ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
