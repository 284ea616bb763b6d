-- A score record beside each stored score snapshot, for the peer-statistics read: the numbers only, as doubles in the
-- snapshot's order (ScoreSnapshot.ToRecord), so reading thousands of them parses no JSON. Validation writes it with the
-- snapshot; the server fills it in for rows written before this migration when it starts (SQL cannot write doubles as
-- bytes), and until then a reader takes those rows' JSON.
-- The peer group's index covers the read: one range in city order, no table lookups.
ALTER TABLE assessment_scores ADD COLUMN score_record BLOB;

DROP INDEX ix_assessment_scores_group;
CREATE INDEX ix_assessment_scores_peers ON assessment_scores (rubric_id, period, city_id, rubric_version, assessment_id, score_record);
