-- Registries as configured (by name) and the repositories found in them.
CREATE TABLE registries (
    id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    provider        text NOT NULL,
    url             text NOT NULL,
    created_at      timestamptz NOT NULL,
    last_scanned_at timestamptz
);

CREATE TABLE repositories (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registry_id     integer NOT NULL REFERENCES registries (id) ON DELETE CASCADE,
    name            text NOT NULL,
    first_seen_at   timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    -- Set when the repository no longer appears in the catalog (or the explicit list); cleared if it returns.
    deleted_at      timestamptz,
    last_scanned_at timestamptz,
    UNIQUE (registry_id, name)
);
