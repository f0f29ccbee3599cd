-- The programme list, a page at a time (issue 16): an index in the list's own order, so a page
-- is read from its start rather than after sorting every programme on the site.
CREATE INDEX programme_listing ON programme ((COALESCE(end_date, '')) DESC, code);
