-- Presence of a manifest in a repository, plus the facts a provider's metadata API adds (ACR, ECR).
CREATE TABLE repository_manifests (
    repository_id       bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    manifest_id         bigint NOT NULL REFERENCES manifests (id),
    first_seen_at       timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    -- Set while no tag reaches the manifest (directly or through an index) although it is still present.
    untagged_since      timestamptz,
    -- Set when the registry no longer holds the manifest; cleared if it comes back.
    deleted_at          timestamptz,
    pushed_at           timestamptz,
    last_pulled_at      timestamptz,
    provider_size_bytes bigint,
    locked              boolean,
    -- Where the provider facts came from, e.g. 'acr:_manifests' or 'ecr:DescribeImages'.
    facts_source        text,
    PRIMARY KEY (repository_id, manifest_id)
);

CREATE INDEX repository_manifests_manifest_id_idx ON repository_manifests (manifest_id);
