-- Layer analysis shared by replicas: the layer digests a run plans to read, split into batches, each a recoverable
-- Quartz job. The replica finishing the last batch runs the per-image step and closes the run.
-- NULL for a run analysed by one process; otherwise the batches not finished yet.
ALTER TABLE analysis_runs ADD COLUMN batches_pending integer;

-- Images the run's plan left out for the budget; the closing replica records those still not analysable.
ALTER TABLE analysis_runs ADD COLUMN over_budget_manifests text[];

-- The batch whose finish brought batches_pending to zero: its job runs the per-image step, again after a crash.
ALTER TABLE analysis_runs ADD COLUMN closing_batch integer;

CREATE TABLE analysis_batches (
    analysis_run_id   bigint NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
    batch_no          integer NOT NULL,
    layer_digests     text[] NOT NULL,
    -- Set once, by the replica that finished the batch; a re-fired batch that finds it set does nothing more.
    finished_at       timestamptz,
    finished_by       text,
    -- What the finishing attempt did: layers it read and stored, compressed bytes it read, downloads that
    -- failed (not stored, so the next run retries them). An attempt that died before finishing counts nowhere.
    layers_read       integer NOT NULL DEFAULT 0,
    bytes_read        bigint NOT NULL DEFAULT 0,
    download_failures integer NOT NULL DEFAULT 0,
    PRIMARY KEY (analysis_run_id, batch_no)
);

-- The closing replica counts the run's layers from here.
CREATE INDEX layer_analyses_run_idx ON layer_analyses (analysis_run_id);
