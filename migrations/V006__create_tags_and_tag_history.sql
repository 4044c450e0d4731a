-- Current tags only: a tag that vanishes is deleted here and recorded in tag_history.
CREATE TABLE tags (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    name          text NOT NULL,
    manifest_id   bigint NOT NULL REFERENCES manifests (id),
    first_seen_at timestamptz NOT NULL,
    -- When the tag was first seen pointing at its current manifest.
    updated_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    UNIQUE (repository_id, name)
);

CREATE INDEX tags_manifest_id_idx ON tags (manifest_id);

-- Every observed change of a tag: added, moved (to another manifest) or removed.
CREATE TABLE tag_history (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id        bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    tag                  text NOT NULL,
    change               text NOT NULL CHECK (change IN ('added', 'moved', 'removed')),
    manifest_id          bigint REFERENCES manifests (id),
    previous_manifest_id bigint REFERENCES manifests (id),
    observed_at          timestamptz NOT NULL,
    scan_run_id          bigint
);

CREATE INDEX tag_history_repository_tag_idx ON tag_history (repository_id, tag, observed_at);
