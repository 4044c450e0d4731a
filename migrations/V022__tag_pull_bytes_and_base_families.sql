-- Sharing figures the daily cost job adds beside daily_image_snapshots (same idempotence: a day's rows for a
-- registry are replaced when the day is computed again; names beside ids, no foreign keys to the inventory).

-- Per tag and day: what pulling the tag transfers, cold and versus the tag pushed just before it in the same
-- repository (ordered by when the tag took its current manifest, then by name).
CREATE TABLE daily_tag_snapshots (
    day                    DATE    NOT NULL,
    registry_id            INTEGER NOT NULL,
    repository_id          BIGINT  NOT NULL,
    tag                    TEXT    NOT NULL,
    manifest_id            BIGINT  NOT NULL,
    digest                 TEXT    NOT NULL,
    -- NULL for the first tag of a repository, whose incremental pull is a cold pull.
    previous_tag           TEXT,
    cold_pull_bytes        BIGINT  NOT NULL,
    incremental_pull_bytes BIGINT  NOT NULL,
    CONSTRAINT pk_daily_tag_snapshots PRIMARY KEY (day, registry_id, repository_id, tag)
);

-- Per base-image family and day: image manifests grouped by their base digest annotation, else by their first
-- layer, with at least two distinct images; one row per family instead of every pair of images.
CREATE TABLE daily_base_families (
    day                    DATE    NOT NULL,
    registry_id            INTEGER NOT NULL,
    -- The base digest annotation, or the first layer digest.
    family_key             TEXT    NOT NULL,
    -- The base name annotation most members carry, else 'layers from ' and the first layer's short digest.
    name                   TEXT    NOT NULL,
    members                INTEGER NOT NULL,
    repositories           INTEGER NOT NULL,
    shared_layers          INTEGER NOT NULL,
    shared_bytes           BIGINT  NOT NULL,
    -- shared_bytes × (members − 1): what storing the common prefix once saves.
    bytes_saved_by_sharing BIGINT  NOT NULL,
    CONSTRAINT pk_daily_base_families PRIMARY KEY (day, registry_id, family_key)
);
