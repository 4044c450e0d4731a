-- A repository of a shared scan that the change feed let the run skip (see V009): recorded so the batch counts
-- it done, and counted into scan_runs.repositories_unchanged when the run closes.
ALTER TABLE scan_run_repositories ADD COLUMN unchanged boolean NOT NULL DEFAULT false;
