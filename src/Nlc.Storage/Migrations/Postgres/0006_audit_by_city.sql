-- PostgreSQL port of Migrations/0006_audit_by_city.sql.
-- The hub's page of a city lists its audit trail, newest first, filtered by who and what.
CREATE INDEX ix_audit_city ON audit_log (city_id, id);
