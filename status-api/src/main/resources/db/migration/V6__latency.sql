-- Raw latency samples from the signals stream, kept for herald.api.retention.latency-raw (24 h by default).
CREATE TABLE latency_sample (
    stream_id  TEXT        PRIMARY KEY,
    check_id   TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    latency_ms INTEGER     NOT NULL
);

CREATE INDEX latency_sample_check_at ON latency_sample (check_id, at);

-- Hourly percentiles per check, rolled up from the samples, kept for herald.api.retention.latency-hourly (90 days).
CREATE TABLE latency_hour (
    check_id TEXT             NOT NULL,
    hour     TIMESTAMPTZ      NOT NULL,
    p50      DOUBLE PRECISION NOT NULL,
    p95      DOUBLE PRECISION NOT NULL,
    p99      DOUBLE PRECISION NOT NULL,
    count    INTEGER          NOT NULL,
    PRIMARY KEY (check_id, hour)
);
