-- Per component, per day (in the page's time zone), how many milliseconds were spent in each status. Kept current
-- as each change is stored: the interval a change closes is added here, split at midnight. Time inside a
-- maintenance window is counted under maintenance_ms whatever the evaluated status was.
CREATE TABLE uptime_day (
    component_id   TEXT   NOT NULL,
    day            DATE   NOT NULL,
    operational_ms BIGINT NOT NULL DEFAULT 0,
    degraded_ms    BIGINT NOT NULL DEFAULT 0,
    partial_ms     BIGINT NOT NULL DEFAULT 0,
    major_ms       BIGINT NOT NULL DEFAULT 0,
    maintenance_ms BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (component_id, day)
);

CREATE INDEX uptime_day_day ON uptime_day (day);

-- The open interval of each component: its status since the last stored change. Read time adds [since, now).
CREATE TABLE uptime_cursor (
    component_id TEXT        PRIMARY KEY,
    status       TEXT        NOT NULL,
    since        TIMESTAMPTZ NOT NULL
);
