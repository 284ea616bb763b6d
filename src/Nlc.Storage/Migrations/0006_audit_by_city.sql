-- The hub's page of a city lists its audit trail, newest first, filtered by who and what.
CREATE INDEX ix_audit_city ON audit_log (city_id, id);
