-- The registry's natural key leads with the study, so one index answers both "this study's record with
-- this subjectRef" and "this study's records" (a holding in use), and serves the study foreign key on
-- PostgreSQL. The import looks its refs up by a join on both columns, each ref one seek.
ALTER TABLE dsar_subject DROP CONSTRAINT dsar_subject_ref_uk;
ALTER TABLE dsar_subject ADD CONSTRAINT dsar_subject_ref_uk UNIQUE (study_key, subject_ref);
