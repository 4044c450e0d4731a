-- Daily cost snapshots and monthly roll-ups, written by the daily cost job (idempotent per day and registry:
-- the job replaces a day's rows). Names are stored beside ids so history survives inventory deletions and
-- reads without joins; there are no foreign keys to the inventory for the same reason.

-- Money has 10 decimal places and fractional bytes or pulls 6, so every value fits a .NET decimal.

-- Per registry and day: the registry-wide figures and the storage cost of its pricing profile.
CREATE TABLE daily_registry_snapshots (
    day              DATE        NOT NULL,
    registry_id      INTEGER     NOT NULL,
    registry         TEXT        NOT NULL,
    dedup_scope      TEXT        NOT NULL CHECK (dedup_scope IN ('registry', 'repository')),
    repositories     INTEGER     NOT NULL,
    tags             INTEGER     NOT NULL,
    manifests        INTEGER     NOT NULL,
    logical_bytes    BIGINT      NOT NULL,
    stored_bytes     BIGINT      NOT NULL,
    pulls            NUMERIC(24,6) NOT NULL,
    egress_bytes     NUMERIC(30,6) NOT NULL,
    pricing_profile  TEXT        NOT NULL,
    currency         TEXT        NOT NULL,
    -- The day's share of the month's storage cost: monthly cost ÷ days in the month.
    storage_cost     NUMERIC(24,10) NOT NULL,
    egress_cost      NUMERIC(24,10) NOT NULL,
    computed_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_daily_registry_snapshots PRIMARY KEY (day, registry_id)
);

-- Per repository and day. storage_cost is the registry's storage cost shared by amortized bytes (plus the
-- repository's manifest documents), so repository costs add up to the registry's.
CREATE TABLE daily_snapshots (
    day              DATE        NOT NULL,
    registry_id      INTEGER     NOT NULL,
    repository_id    BIGINT      NOT NULL,
    registry         TEXT        NOT NULL,
    repository       TEXT        NOT NULL,
    team             TEXT        NOT NULL,
    tags             INTEGER     NOT NULL,
    manifests        INTEGER     NOT NULL,
    logical_bytes    BIGINT      NOT NULL,
    stored_bytes     BIGINT      NOT NULL,
    amortized_bytes  NUMERIC(30,6) NOT NULL,
    pulls            NUMERIC(24,6) NOT NULL,
    -- registry-events, provider-metric, configured-assumption, mixed, or none
    pull_source      TEXT        NOT NULL,
    egress_bytes     NUMERIC(30,6) NOT NULL,
    storage_cost     NUMERIC(24,10) NOT NULL,
    egress_cost      NUMERIC(24,10) NOT NULL,
    CONSTRAINT pk_daily_snapshots PRIMARY KEY (day, registry_id, repository_id)
);

CREATE INDEX ix_daily_snapshots_registry_day ON daily_snapshots (registry_id, day);

-- Per present manifest (repository + manifest) and day: the sharing figures of the product brief.
CREATE TABLE daily_image_snapshots (
    day              DATE        NOT NULL,
    registry_id      INTEGER     NOT NULL,
    repository_id    BIGINT      NOT NULL,
    manifest_id      BIGINT      NOT NULL,
    digest           TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    tags             TEXT[]      NOT NULL,
    image_bytes      BIGINT      NOT NULL,
    exclusive_bytes  BIGINT      NOT NULL,
    amortized_bytes  NUMERIC(30,6) NOT NULL,
    cold_pull_bytes  BIGINT      NOT NULL,
    pulls            NUMERIC(24,6) NOT NULL,
    pull_source      TEXT        NOT NULL,
    egress_bytes     NUMERIC(30,6) NOT NULL,
    storage_cost     NUMERIC(24,10) NOT NULL,
    egress_cost      NUMERIC(24,10) NOT NULL,
    CONSTRAINT pk_daily_image_snapshots PRIMARY KEY (day, registry_id, repository_id, manifest_id)
);

-- Which team each repository was allocated to on a day, and why (label, prefix or unallocated).
CREATE TABLE team_allocations (
    day              DATE        NOT NULL,
    registry_id      INTEGER     NOT NULL,
    repository_id    BIGINT      NOT NULL,
    repository       TEXT        NOT NULL,
    team             TEXT        NOT NULL,
    basis            TEXT        NOT NULL CHECK (basis IN ('label', 'prefix', 'unallocated')),
    rule             TEXT,
    CONSTRAINT pk_team_allocations PRIMARY KEY (day, registry_id, repository_id)
);

-- Per month, registry and repository: averages of the daily bytes and sums of daily costs and pulls, so a
-- month's storage cost is the sum of its days. Rebuilt for the month each time one of its days is computed.
CREATE TABLE monthly_rollups (
    month                DATE        NOT NULL,
    registry_id          INTEGER     NOT NULL,
    repository_id        BIGINT      NOT NULL,
    registry             TEXT        NOT NULL,
    repository           TEXT        NOT NULL,
    team                 TEXT        NOT NULL,
    days                 INTEGER     NOT NULL,
    avg_logical_bytes    NUMERIC(30,6) NOT NULL,
    avg_stored_bytes     NUMERIC(30,6) NOT NULL,
    pulls                NUMERIC(24,6) NOT NULL,
    egress_bytes         NUMERIC(30,6) NOT NULL,
    storage_cost         NUMERIC(24,10) NOT NULL,
    egress_cost          NUMERIC(24,10) NOT NULL,
    computed_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT pk_monthly_rollups PRIMARY KEY (month, registry_id, repository_id),
    CONSTRAINT ck_monthly_rollups_first_day CHECK (EXTRACT(DAY FROM month) = 1)
);
