-- A version on each city's contact consent, so two people saving it at once cannot overwrite each other unseen: every
-- write names the version it was made from. A city without a row is at version 0.
ALTER TABLE contact_consents ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
