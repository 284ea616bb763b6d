-- PostgreSQL port of Migrations/0008_compact_scores.sql.
ALTER TABLE assessment_scores ADD COLUMN score_record bytea;

DROP INDEX ix_assessment_scores_group;
CREATE INDEX ix_assessment_scores_peers ON assessment_scores (rubric_id, period, city_id) INCLUDE (rubric_version, assessment_id, score_record);
