-- Which blobs a manifest references: its config (position 0) and its layers (positions 0..n-1).
-- A BuildKit cache index stores its cache config as role 'config' and its layer entries as 'layer'.
CREATE TABLE manifest_blobs (
    manifest_id bigint NOT NULL REFERENCES manifests (id) ON DELETE CASCADE,
    role        text NOT NULL CHECK (role IN ('config', 'layer')),
    position    integer NOT NULL CHECK (position >= 0),
    blob_id     bigint NOT NULL REFERENCES blobs (id),
    -- The descriptor media type as this manifest states it (one blob can be described as Docker or OCI).
    media_type  text NOT NULL,
    PRIMARY KEY (manifest_id, role, position)
);

CREATE INDEX manifest_blobs_blob_id_idx ON manifest_blobs (blob_id);

-- The entries of an index, with the platform each declares.
CREATE TABLE manifest_children (
    parent_manifest_id bigint NOT NULL REFERENCES manifests (id) ON DELETE CASCADE,
    position           integer NOT NULL CHECK (position >= 0),
    child_digest       text NOT NULL,
    -- NULL when the registry does not hold the child (a partial push).
    child_manifest_id  bigint REFERENCES manifests (id),
    media_type         text NOT NULL,
    size_bytes         bigint NOT NULL,
    os                 text,
    architecture       text,
    variant            text,
    os_version         text,
    -- True for BuildKit attestation entries (unknown/unknown platform, vnd.docker.reference.type).
    is_attestation     boolean NOT NULL,
    -- For attestation entries: the digest of the manifest they describe.
    attests_digest     text,
    PRIMARY KEY (parent_manifest_id, position)
);

CREATE INDEX manifest_children_child_idx ON manifest_children (child_manifest_id);

-- Finds entries whose child arrived after its index, to link them.
CREATE INDEX manifest_children_missing_idx ON manifest_children (child_digest) WHERE child_manifest_id IS NULL;
