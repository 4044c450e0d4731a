-- The change feed: registry notifications (push, delete, mount) mark repositories as changed, so a re-scan of a
-- registry with Registries:N:ChangeFeed = Notifications skips the repositories nothing happened to.

-- One row per repository a notification named; keyed by the registry's configured name, as the receiver's URL
-- carries it. received_at is this service's clock, the same clock full_scan_started_at is read from.
CREATE TABLE repository_change_events (
    registry    text NOT NULL,
    repository  text NOT NULL,
    received_at timestamptz NOT NULL,
    events      bigint NOT NULL,
    PRIMARY KEY (registry, repository)
);

-- When the last scan that read every tag of the repository without an error started. A notification received
-- after it, or an age beyond Registries:N:FullScanInterval, makes the next scan read the repository again.
ALTER TABLE repositories ADD COLUMN full_scan_started_at timestamptz;

-- Repositories a run skipped because the change feed reported nothing since their last full scan.
ALTER TABLE scan_runs ADD COLUMN repositories_unchanged integer NOT NULL DEFAULT 0;
