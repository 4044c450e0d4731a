-- Pull counts per registry, repository, manifest and day, each with where the number came from.
-- Names rather than inventory ids: counts arrive (registry events, provider metrics) independently of scans,
-- possibly for manifests the scanner has not seen yet; the roll-ups join on names.
-- An empty repository means a registry-wide count (ACR metrics have no repository dimension); an empty
-- manifest_digest means a repository-wide count (ECR metrics have no image dimension).

CREATE TABLE pull_counts (
    registry        TEXT        NOT NULL,
    repository      TEXT        NOT NULL DEFAULT '',
    manifest_digest TEXT        NOT NULL DEFAULT '',
    day             DATE        NOT NULL,
    source          TEXT        NOT NULL,
    pull_count      BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_pull_counts PRIMARY KEY (registry, repository, manifest_digest, day, source),
    CONSTRAINT ck_pull_counts_source
        CHECK (source IN ('registry-events', 'provider-metric', 'configured-assumption')),
    CONSTRAINT ck_pull_counts_non_negative CHECK (pull_count >= 0)
);

CREATE INDEX ix_pull_counts_day ON pull_counts (day);

-- Ids of registry notification events already counted: the registry re-sends a batch it could not deliver,
-- and a re-sent event must not be counted twice. Old receipts are pruned by the daily cost job.
CREATE TABLE registry_event_receipts (
    event_id    TEXT        NOT NULL PRIMARY KEY,
    received_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX ix_registry_event_receipts_received_at ON registry_event_receipts (received_at);
