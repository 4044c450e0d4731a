-- One row per scan of one registry, with its counts and outcome.
CREATE TABLE scan_runs (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registry_id          integer NOT NULL REFERENCES registries (id) ON DELETE CASCADE,
    started_at           timestamptz NOT NULL,
    finished_at          timestamptz,
    status               text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
    repositories_total   integer NOT NULL DEFAULT 0,
    repositories_scanned integer NOT NULL DEFAULT 0,
    repositories_failed  integer NOT NULL DEFAULT 0,
    tags_seen            integer NOT NULL DEFAULT 0,
    manifests_new        integer NOT NULL DEFAULT 0,
    manifests_known      integer NOT NULL DEFAULT 0,
    blobs_new            integer NOT NULL DEFAULT 0,
    -- Descriptor bytes of the blobs first stored by this run.
    bytes_new            bigint NOT NULL DEFAULT 0,
    requests             integer NOT NULL DEFAULT 0,
    -- The reason of a failed run (e.g. credentials refused); per-repository errors are in scan_run_errors.
    error                text
);

CREATE INDEX scan_runs_registry_started_idx ON scan_runs (registry_id, started_at DESC);

ALTER TABLE tag_history
    ADD CONSTRAINT tag_history_scan_run_fk FOREIGN KEY (scan_run_id) REFERENCES scan_runs (id) ON DELETE SET NULL;

-- Errors recorded during a run: per repository, or per manifest / blob within one.
CREATE TABLE scan_run_errors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scan_run_id bigint NOT NULL REFERENCES scan_runs (id) ON DELETE CASCADE,
    repository  text,
    reference   text,
    -- e.g. http, auth, digest_mismatch, size_cap, format, pagination_loop, unsupported
    kind        text NOT NULL,
    message     text NOT NULL,
    occurred_at timestamptz NOT NULL
);

CREATE INDEX scan_run_errors_run_idx ON scan_run_errors (scan_run_id);
