-- Quartz.NET 4.x persistent job store (AdoJobStore, PostgreSQL delegate), table prefix qrtz_.
-- Column names and types are what Quartz's own statements read and write; times are .NET ticks (BIGINT).
-- Every table is keyed by sched_name so several schedulers could share the schema; we run one, clustered.

CREATE TABLE qrtz_job_details (
    sched_name        TEXT    NOT NULL,
    job_name          TEXT    NOT NULL,
    job_group         TEXT    NOT NULL,
    description       TEXT    NULL,
    job_class_name    TEXT    NOT NULL,
    is_durable        BOOLEAN NOT NULL,
    is_nonconcurrent  BOOLEAN NOT NULL,
    is_update_data    BOOLEAN NOT NULL,
    requests_recovery BOOLEAN NOT NULL,
    job_data          BYTEA   NULL,
    CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE qrtz_triggers (
    sched_name             TEXT         NOT NULL,
    trigger_name           TEXT         NOT NULL,
    trigger_group          TEXT         NOT NULL,
    job_name               TEXT         NOT NULL,
    job_group              TEXT         NOT NULL,
    description            TEXT         NULL,
    next_fire_time         BIGINT       NULL,
    prev_fire_time         BIGINT       NULL,
    priority               INTEGER      NULL,
    trigger_state          TEXT         NOT NULL,
    trigger_type           TEXT         NOT NULL,
    start_time             BIGINT       NOT NULL,
    end_time               BIGINT       NULL,
    calendar_name          TEXT         NULL,
    misfire_instr          SMALLINT     NULL,
    misfire_orig_fire_time BIGINT       NULL,
    execution_group        VARCHAR(200) NULL,
    preferred_node         VARCHAR(200) NULL,
    preferred_node_auto    BOOLEAN      NOT NULL DEFAULT FALSE,
    job_data               BYTEA        NULL,
    CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_triggers_job FOREIGN KEY (sched_name, job_name, job_group)
        REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);

-- The four trigger detail tables hang off qrtz_triggers and disappear with their trigger.
CREATE TABLE qrtz_simple_triggers (
    sched_name      TEXT   NOT NULL,
    trigger_name    TEXT   NOT NULL,
    trigger_group   TEXT   NOT NULL,
    repeat_count    BIGINT NOT NULL,
    repeat_interval BIGINT NOT NULL,
    times_triggered BIGINT NOT NULL,
    CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_simple_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_cron_triggers (
    sched_name      TEXT NOT NULL,
    trigger_name    TEXT NOT NULL,
    trigger_group   TEXT NOT NULL,
    cron_expression TEXT NOT NULL,
    time_zone_id    TEXT NULL,
    CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_cron_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_simprop_triggers (
    sched_name    TEXT    NOT NULL,
    trigger_name  TEXT    NOT NULL,
    trigger_group TEXT    NOT NULL,
    str_prop_1    TEXT    NULL,
    str_prop_2    TEXT    NULL,
    str_prop_3    TEXT    NULL,
    int_prop_1    INTEGER NULL,
    int_prop_2    INTEGER NULL,
    long_prop_1   BIGINT  NULL,
    long_prop_2   BIGINT  NULL,
    dec_prop_1    NUMERIC NULL,
    dec_prop_2    NUMERIC NULL,
    bool_prop_1   BOOLEAN NULL,
    bool_prop_2   BOOLEAN NULL,
    time_zone_id  TEXT    NULL,
    CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_simprop_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_blob_triggers (
    sched_name    TEXT  NOT NULL,
    trigger_name  TEXT  NOT NULL,
    trigger_group TEXT  NOT NULL,
    blob_data     BYTEA NULL,
    CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_blob_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_calendars (
    sched_name    TEXT  NOT NULL,
    calendar_name TEXT  NOT NULL,
    calendar      BYTEA NOT NULL,
    CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE qrtz_paused_trigger_grps (
    sched_name    TEXT NOT NULL,
    trigger_group TEXT NOT NULL,
    CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
);

-- One row per trigger a node has acquired or is executing; how a cluster recovers a dead node's work.
CREATE TABLE qrtz_fired_triggers (
    sched_name        TEXT         NOT NULL,
    entry_id          TEXT         NOT NULL,
    trigger_name      TEXT         NOT NULL,
    trigger_group     TEXT         NOT NULL,
    instance_name     TEXT         NOT NULL,
    fired_time        BIGINT       NOT NULL,
    sched_time        BIGINT       NOT NULL,
    priority          INTEGER      NOT NULL,
    state             TEXT         NOT NULL,
    job_name          TEXT         NULL,
    job_group         TEXT         NULL,
    is_nonconcurrent  BOOLEAN      NOT NULL,
    requests_recovery BOOLEAN      NULL,
    execution_group   VARCHAR(200) NULL,
    CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
);

-- Cluster membership: each node checks in here; a node that stops checking in is presumed dead.
CREATE TABLE qrtz_scheduler_state (
    sched_name        TEXT   NOT NULL,
    instance_name     TEXT   NOT NULL,
    last_checkin_time BIGINT NOT NULL,
    checkin_interval  BIGINT NOT NULL,
    CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
);

-- Row locks (SELECT ... FOR UPDATE) that serialise trigger acquisition across the cluster.
CREATE TABLE qrtz_locks (
    sched_name TEXT NOT NULL,
    lock_name  TEXT NOT NULL,
    CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
);

-- Indexes for the lookups the job store makes on every acquisition and check-in.
CREATE INDEX ix_qrtz_job_details_recovery ON qrtz_job_details (sched_name, requests_recovery);
CREATE INDEX ix_qrtz_job_details_group_name ON qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX ix_qrtz_triggers_next_fire ON qrtz_triggers (sched_name, next_fire_time);
CREATE INDEX ix_qrtz_triggers_state ON qrtz_triggers (sched_name, trigger_state);
CREATE INDEX ix_qrtz_triggers_state_next_fire ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX ix_qrtz_triggers_group_name ON qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX ix_qrtz_triggers_job ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX ix_qrtz_fired_triggers_trigger ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
CREATE INDEX ix_qrtz_fired_triggers_instance ON qrtz_fired_triggers (sched_name, instance_name);
CREATE INDEX ix_qrtz_fired_triggers_job ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX ix_qrtz_fired_triggers_recovery ON qrtz_fired_triggers (sched_name, requests_recovery);
