-- Retention policy simulations: per day, registry and configured policy, what the policy would delete and free
-- if it were applied to the registry's stored inventory of that day. Written by the retention simulation step
-- (daily job and report runs; a run replaces that day's rows of the registry) and read by the optimization
-- workbook's Retention sheet. Names are stored beside ids, as in the cost snapshots, so rows survive inventory
-- deletions; there are no foreign keys to the inventory for the same reason.

CREATE TABLE retention_simulations (
    day                  date        NOT NULL,
    registry_id          integer     NOT NULL,
    registry             text        NOT NULL,
    policy               text        NOT NULL,
    -- Position of the policy in the configuration, so the sheet lists policies in the configured order.
    policy_order         integer     NOT NULL,
    description          text        NOT NULL,
    dedup_scope          text        NOT NULL CHECK (dedup_scope IN ('registry', 'repository')),
    manifests            integer     NOT NULL CHECK (manifests >= 0),
    manifests_deleted    integer     NOT NULL CHECK (manifests_deleted >= 0),
    tags_deleted         integer     NOT NULL CHECK (tags_deleted >= 0),
    freed_blobs          integer     NOT NULL CHECK (freed_blobs >= 0),
    -- Blobs referenced only by deleted manifests, each once (never the sum of image sizes).
    freed_blob_bytes     bigint      NOT NULL CHECK (freed_blob_bytes >= 0),
    -- Manifest documents no longer present anywhere in their deduplication scope.
    freed_manifest_bytes bigint      NOT NULL CHECK (freed_manifest_bytes >= 0),
    freed_bytes          bigint      NOT NULL CHECK (freed_bytes >= 0),
    -- Freed bytes at the registry's storage list price per month (what the Dead weight sheet uses too).
    monthly_saving       numeric(24,10) NOT NULL,
    currency             text        NOT NULL,
    computed_at          timestamptz NOT NULL,
    CONSTRAINT pk_retention_simulations PRIMARY KEY (day, registry_id, policy)
);

CREATE INDEX ix_retention_simulations_registry_day ON retention_simulations (registry_id, day);
