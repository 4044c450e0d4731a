-- Layer content analysis: one row per layer blob ever read (by the scanner's blobs.id), the per-image results
-- computed from the stored layer indexes, and one row per analysis run.
CREATE TABLE analysis_runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registry_id      integer NOT NULL REFERENCES registries (id) ON DELETE CASCADE,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    status           text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
    -- Compressed bytes the run was allowed to download, and what the plan chose to spend of it.
    budget_bytes     bigint NOT NULL CHECK (budget_bytes >= 0),
    planned_bytes    bigint NOT NULL DEFAULT 0,
    -- Compressed bytes actually read from the registry.
    bytes_read       bigint NOT NULL DEFAULT 0,
    layers_analysed  integer NOT NULL DEFAULT 0,
    layers_rejected  integer NOT NULL DEFAULT 0,
    layers_skipped   integer NOT NULL DEFAULT 0,
    images_analysed  integer NOT NULL DEFAULT 0,
    images_skipped   integer NOT NULL DEFAULT 0,
    error            text
);

CREATE INDEX analysis_runs_registry_started_idx ON analysis_runs (registry_id, started_at DESC);

-- Images a run left out, and why: 'budget' (new layers did not fit), 'layer_rejected' (a layer was refused).
CREATE TABLE analysis_run_skipped_images (
    analysis_run_id bigint NOT NULL REFERENCES analysis_runs (id) ON DELETE CASCADE,
    manifest_id     bigint NOT NULL REFERENCES manifests (id) ON DELETE CASCADE,
    reason          text NOT NULL CHECK (reason IN ('budget', 'layer_rejected')),
    PRIMARY KEY (analysis_run_id, manifest_id)
);

-- Each layer digest is read once ever; every image sharing it reuses this row.
CREATE TABLE layer_analyses (
    blob_id           bigint PRIMARY KEY REFERENCES blobs (id) ON DELETE CASCADE,
    -- analysed: index stored; rejected: broken or hostile blob; skipped: foreign or non-distributable layer.
    status            text NOT NULL CHECK (status IN ('analysed', 'rejected', 'skipped')),
    -- Stable reason name (e.g. WrongDigest, CompressionRatio, PathTraversal); NULL unless rejected.
    rejection_reason  text,
    rejection_message text,
    -- Bytes of the uncompressed tar stream.
    tar_bytes         bigint,
    file_count        integer,
    file_bytes        bigint,
    -- Package database files left out of the index because a capture cap was reached.
    skipped_captures  integer,
    -- LayerIndexCodec encoding of the entries and captured package databases.
    layer_index       bytea,
    analysed_at       timestamptz NOT NULL,
    analysis_run_id   bigint REFERENCES analysis_runs (id) ON DELETE SET NULL,
    CHECK ((status = 'analysed') = (layer_index IS NOT NULL)),
    CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL))
);

-- Dead-weight bytes within one layer as it stands alone (before any later layer hides it).
CREATE TABLE layer_category_totals (
    blob_id    bigint NOT NULL REFERENCES layer_analyses (blob_id) ON DELETE CASCADE,
    category   text NOT NULL,
    bytes      bigint NOT NULL,
    file_count integer NOT NULL,
    examples   text[] NOT NULL,
    PRIMARY KEY (blob_id, category)
);

-- Per image manifest, after the overlay of its layers (product definition of hidden bytes).
CREATE TABLE image_analyses (
    manifest_id        bigint PRIMARY KEY REFERENCES manifests (id) ON DELETE CASCADE,
    uncompressed_bytes bigint NOT NULL,
    visible_bytes      bigint NOT NULL,
    visible_file_count integer NOT NULL,
    hidden_bytes       bigint NOT NULL,
    hidden_file_count  integer NOT NULL,
    -- dive's efficiency score, 0 to 1.
    dive_efficiency    double precision NOT NULL,
    -- Layers left out of the overlay because they are foreign or non-distributable.
    layers_skipped     integer NOT NULL DEFAULT 0,
    analysed_at        timestamptz NOT NULL,
    analysis_run_id    bigint REFERENCES analysis_runs (id) ON DELETE SET NULL
);

CREATE TABLE image_category_totals (
    manifest_id bigint NOT NULL REFERENCES image_analyses (manifest_id) ON DELETE CASCADE,
    category    text NOT NULL,
    bytes       bigint NOT NULL,
    file_count  integer NOT NULL,
    examples    text[] NOT NULL,
    PRIMARY KEY (manifest_id, category)
);

-- Secret-like files: path and kind only, never their content.
CREATE TABLE image_secret_findings (
    manifest_id    bigint NOT NULL REFERENCES image_analyses (manifest_id) ON DELETE CASCADE,
    layer_position integer NOT NULL,
    path           text NOT NULL,
    kind           text NOT NULL,
    visible        boolean NOT NULL,
    PRIMARY KEY (manifest_id, layer_position, path)
);

CREATE TABLE image_packages (
    manifest_id    bigint NOT NULL REFERENCES image_analyses (manifest_id) ON DELETE CASCADE,
    ecosystem      text NOT NULL,
    name           text NOT NULL,
    version        text NOT NULL,
    bytes          bigint NOT NULL,
    file_count     integer NOT NULL,
    is_development boolean NOT NULL,
    PRIMARY KEY (manifest_id, ecosystem, name, version)
);
