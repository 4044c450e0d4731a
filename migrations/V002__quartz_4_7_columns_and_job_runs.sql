-- Part 1: what Quartz.NET 4.7 reads and writes beyond the 4.0 tables of V001 (retry and continuation state,
-- overlap policy, pause reasons, per-trigger misfire threshold and fixed delay, firing progress and remote
-- interrupts, the node's Quartz version). The job store validates these columns at start-up.
ALTER TABLE qrtz_triggers
    ADD COLUMN retry_policy            VARCHAR(250) NULL,
    ADD COLUMN retry_attempt           INTEGER      NULL,
    ADD COLUMN continues_trigger_name  TEXT         NULL,
    ADD COLUMN continues_trigger_group TEXT         NULL,
    ADD COLUMN continuation_condition  INTEGER      NULL,
    ADD COLUMN overlap_policy          INTEGER      NULL,
    ADD COLUMN pause_reason            VARCHAR(250) NULL,
    ADD COLUMN paused_by               VARCHAR(200) NULL,
    ADD COLUMN paused_at               BIGINT       NULL,
    ADD COLUMN misfire_threshold       BIGINT       NULL,
    ADD COLUMN fixed_delay             BOOLEAN      NULL;

ALTER TABLE qrtz_paused_trigger_grps
    ADD COLUMN pause_reason VARCHAR(250) NULL,
    ADD COLUMN paused_by    VARCHAR(200) NULL,
    ADD COLUMN paused_at    BIGINT       NULL;

CREATE TABLE qrtz_paused_job_grps (
    sched_name   TEXT         NOT NULL,
    job_group    TEXT         NOT NULL,
    pause_reason VARCHAR(250) NULL,
    paused_by    VARCHAR(200) NULL,
    paused_at    BIGINT       NULL,
    CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group)
);

ALTER TABLE qrtz_fired_triggers
    ADD COLUMN progress                 INTEGER      NULL,
    ADD COLUMN progress_message         VARCHAR(250) NULL,
    ADD COLUMN interrupt_requested_time BIGINT       NULL;

ALTER TABLE qrtz_scheduler_state
    ADD COLUMN quartz_version VARCHAR(20) NULL;

-- Acquisition reads waiting triggers in fire-time then priority order; recovery looks up a dead node's firings.
CREATE INDEX ix_qrtz_triggers_acquisition
    ON qrtz_triggers (sched_name, trigger_state, next_fire_time ASC, priority DESC, misfire_instr);
CREATE INDEX ix_qrtz_triggers_calendar ON qrtz_triggers (sched_name, calendar_name);
CREATE INDEX ix_qrtz_fired_triggers_instance_recovery
    ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);

-- Part 2: job_runs, one row per job execution on any replica: what ran, where, when, and how it ended.
-- Written by the scheduler's job listener; trimmed by the job-history clean-up job.
CREATE TABLE job_runs (
    fire_instance_id   TEXT        NOT NULL,
    scheduler_instance TEXT        NOT NULL,
    job_group          TEXT        NOT NULL,
    job_name           TEXT        NOT NULL,
    trigger_group      TEXT        NOT NULL,
    trigger_name       TEXT        NOT NULL,
    scheduled_at       TIMESTAMPTZ NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ NULL,
    outcome            TEXT        NOT NULL DEFAULT 'running',
    error              TEXT        NULL,
    CONSTRAINT pk_job_runs PRIMARY KEY (fire_instance_id),
    CONSTRAINT ck_job_runs_outcome CHECK (outcome IN ('running', 'succeeded', 'failed', 'cancelled'))
);

CREATE INDEX ix_job_runs_job_started ON job_runs (job_group, job_name, started_at DESC);
CREATE INDEX ix_job_runs_started ON job_runs (started_at);
