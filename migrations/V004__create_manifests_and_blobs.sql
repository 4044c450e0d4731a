-- Content-addressed inventory: each manifest and blob is stored once per digest, whatever registry or
-- repository holds it. Registry-specific presence lives in repository_manifests.
CREATE TABLE blobs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    digest      text NOT NULL UNIQUE,
    -- Descriptor size: compressed bytes as stored and transferred.
    size_bytes  bigint NOT NULL CHECK (size_bytes >= 0),
    -- Media type of the first descriptor seen for this digest.
    media_type  text NOT NULL
);

CREATE TABLE manifests (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    digest            text NOT NULL UNIQUE,
    media_type        text NOT NULL,
    -- image, index, attestation, signature, sbom, build_cache, helm_chart, artifact, unsupported
    kind              text NOT NULL CHECK (kind IN ('image', 'index', 'attestation', 'signature', 'sbom',
                                                   'build_cache', 'helm_chart', 'artifact', 'unsupported')),
    artifact_type     text,
    -- Size of the manifest body itself.
    size_bytes        bigint NOT NULL CHECK (size_bytes >= 0),
    config_digest     text,
    config_media_type text,
    config_size_bytes bigint,
    -- The subject of a referrer (OCI subject field, or the digest named by a cosign sha256-<hex>.sig tag).
    subject_digest    text,
    annotations       jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- Config facts (image manifests with an image config only).
    created_at        timestamptz,
    os                text,
    architecture      text,
    variant           text,
    config_user       text,
    -- Names only: values may be secrets and are never stored.
    env_names         text[],
    labels            jsonb,
    -- config.Healthcheck.Test; NULL when the config sets no healthcheck.
    healthcheck       text[],
    exposed_ports     text[],
    -- [{"created": ..., "created_by": ..., "comment": ..., "empty_layer": bool}, ...]
    history           jsonb,
    layer_count       integer,
    -- Why facts are missing (config too large, config unreadable); NULL when complete.
    error             text,
    first_seen_at     timestamptz NOT NULL
);

CREATE INDEX manifests_subject_digest_idx ON manifests (subject_digest) WHERE subject_digest IS NOT NULL;
CREATE INDEX manifests_config_digest_idx ON manifests (config_digest) WHERE config_digest IS NOT NULL;
