-- One row per written report: which month, when, whether the month was still running, and per workbook its
-- file name, size, SHA-256 and data rows per sheet, so an operator can tell which file a figure came from.

CREATE TABLE report_runs (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- First day of the reported month.
    month          date NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    month_to_date  boolean NOT NULL,
    -- The last day of daily snapshots the figures were read from (NULL when there were none).
    snapshot_day   date,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz NOT NULL,
    -- 'command' (report --month) or 'schedule' (the monthly job).
    trigger        text NOT NULL CHECK (trigger IN ('command', 'schedule')),
    output_directory text NOT NULL,
    -- [{"kind": "costs", "file": "registry-costs-2026-11.xlsx", "size_bytes": n, "sha256": "...",
    --   "row_counts": {"Images": n, ...}}, ...]
    files          jsonb NOT NULL,
    -- Data rows per sheet over both workbooks, keyed "costs/Images", "optimization/Ranked", ...
    row_counts     jsonb NOT NULL
);

CREATE INDEX report_runs_month_idx ON report_runs (month, finished_at DESC);
