-- Institutions carry a country (issue 12): a nominations file is matched only against the
-- programme's country's institutions and the international ones (country ''). An institution
-- whose people were all enrolled in programmes of one country takes that country; any other
-- stays international until the coordinator says.
ALTER TABLE institution ADD COLUMN country TEXT NOT NULL DEFAULT '';
UPDATE institution SET country = (
  SELECT MIN(g.country) FROM person p JOIN enrollment e ON e.person_id = p.id JOIN programme g ON g.id = e.programme_id
  WHERE p.institution_id = institution.id)
WHERE (SELECT COUNT(DISTINCT g.country) FROM person p JOIN enrollment e ON e.person_id = p.id JOIN programme g ON g.id = e.programme_id
       WHERE p.institution_id = institution.id) = 1;
