-- A scan shared by replicas: the run's repositories split into batches, each a recoverable Quartz job.
-- NULL for a run scanned by one process; otherwise the batches not finished yet (the last one closes the run).
ALTER TABLE scan_runs ADD COLUMN batches_pending integer;

CREATE TABLE scan_batches (
    scan_run_id  bigint NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    batch_no     integer NOT NULL,
    repositories text[] NOT NULL,
    -- Set once, by the replica that finished the batch; a re-fired batch that finds it set does nothing.
    finished_at  timestamptz,
    finished_by  text,
    PRIMARY KEY (scan_run_id, batch_no)
);

-- One row per repository of a shared run, written after the repository's own transaction committed.
CREATE TABLE scan_run_repositories (
    scan_run_id     bigint NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    repository      text NOT NULL,
    failed          boolean NOT NULL,
    -- How often the repository was written in this run: more than 1 only when a replica died between the
    -- repository's commit and this row.
    attempts        integer NOT NULL DEFAULT 1,
    scanned_by      text NOT NULL,
    tags_seen       integer NOT NULL,
    manifests_new   integer NOT NULL,
    manifests_known integer NOT NULL,
    blobs_new       integer NOT NULL,
    bytes_new       bigint NOT NULL,
    scanned_at      timestamptz NOT NULL,
    PRIMARY KEY (scan_run_id, repository)
);
