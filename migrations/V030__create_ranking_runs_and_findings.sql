-- Ranking runs: each run is kept, so a later report can compare this month's top items with last month's
-- and say which were fixed (a finding gone, savings shrunk, or the tag rebuilt on a new digest).

CREATE TABLE ranking_runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NOT NULL,
    -- First day of the month whose prices (days in month) the money figures use.
    priced_month     date NOT NULL,
    currency         text NOT NULL,
    -- newest (newest tag of every repository) or all (every tag).
    scope            text NOT NULL CHECK (scope IN ('newest', 'all')),
    images_ranked    integer NOT NULL CHECK (images_ranked >= 0),
    images_unranked  integer NOT NULL CHECK (images_unranked >= 0),
    -- The ranking options the run used (thresholds and reference sizes), for reproducing its figures.
    options          jsonb NOT NULL
);

CREATE INDEX ranking_runs_priced_month_idx ON ranking_runs (priced_month, finished_at DESC);

CREATE TABLE ranked_items (
    ranking_run_id      bigint NOT NULL REFERENCES ranking_runs (id) ON DELETE CASCADE,
    -- 1-based; 0 for manifests that are not images (artifacts, caches, signatures).
    rank                integer NOT NULL CHECK (rank >= 0),
    registry            text NOT NULL,
    repository          text NOT NULL,
    tag                 text NOT NULL,
    manifest_digest     text NOT NULL,
    scenario            text NOT NULL CHECK (scenario IN ('high_frequency_microservice', 'data_heavy_ml_python',
                                                          'legacy_monolith', 'ci_constrained', 'already_lean',
                                                          'not_an_image')),
    scenario_confidence text NOT NULL CHECK (scenario_confidence IN ('low', 'medium', 'high')),
    scenario_reasons    text[] NOT NULL,
    ecosystem           text NOT NULL,
    os_family           text NOT NULL,
    image_bytes         bigint NOT NULL,
    dead_weight_bytes   bigint NOT NULL,
    hidden_bytes        bigint NOT NULL,
    toolchain_bytes     bigint NOT NULL,
    base_swap_bytes     bigint NOT NULL,
    -- Bytes one pull no longer transfers; storage_bytes_saved multiplies it by the retained tags.
    removable_bytes     bigint NOT NULL,
    storage_bytes_saved bigint NOT NULL,
    storage_money       numeric NOT NULL,
    egress_money        numeric NOT NULL,
    money_per_month     numeric NOT NULL,
    pricing_profile     text NOT NULL,
    pull_source         text NOT NULL,
    pulls_per_month     numeric NOT NULL,
    savings_confidence  text NOT NULL CHECK (savings_confidence IN ('low', 'medium', 'high')),
    assumptions         text[] NOT NULL,
    -- Root 4, secret-like files 2, shell in runtime 1, summed: the tie-breaker after money.
    security_score      integer NOT NULL,
    -- [{"title": ..., "effort": "small|medium|large", "addresses": [...], "snippet": ...}, ...]
    recommendations     jsonb NOT NULL,
    PRIMARY KEY (ranking_run_id, registry, repository, tag)
);

CREATE INDEX ranked_items_run_rank_idx ON ranked_items (ranking_run_id, rank);

CREATE TABLE ranked_findings (
    ranking_run_id  bigint NOT NULL,
    registry        text NOT NULL,
    repository      text NOT NULL,
    tag             text NOT NULL,
    kind            text NOT NULL,
    -- present, or unknown when the image cannot tell (e.g. layers not analysed).
    status          text NOT NULL CHECK (status IN ('present', 'unknown')),
    severity        text NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high')),
    summary         text NOT NULL,
    -- [{"detail": ..., "layer": n|null, "history_step": n|null, "path": ...|null, "bytes": n}, ...]
    -- Paths only: the content of a secret-like file is never stored.
    evidence        jsonb NOT NULL,
    PRIMARY KEY (ranking_run_id, registry, repository, tag, kind),
    FOREIGN KEY (ranking_run_id, registry, repository, tag)
        REFERENCES ranked_items (ranking_run_id, registry, repository, tag) ON DELETE CASCADE
);

CREATE INDEX ranked_findings_repository_kind_idx ON ranked_findings (registry, repository, kind, ranking_run_id);
