-- PostgreSQL port of Migrations/0004_account_language.sql.
-- The language a person chose for the web pages (a served language tag such as 'mk' or 'sr-Cyrl'); NULL until they
-- choose one, and then their browser's Accept-Language decides. Applied when they sign in, on any device.
ALTER TABLE accounts ADD COLUMN language TEXT;
