-- PostgreSQL port of Migrations/0009_consent_versions.sql.
ALTER TABLE contact_consents ADD COLUMN row_version BIGINT NOT NULL DEFAULT 1;
