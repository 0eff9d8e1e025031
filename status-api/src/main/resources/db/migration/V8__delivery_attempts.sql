-- One row per attempt of a delivery, written in the same statement (so the same transaction) as the outcome it
-- records on notification_delivery. id orders attempts; attempt is the delivery's attempt counter at the time (two
-- replicas may both record one number when a lease ran out mid-send, so it is not a key).
CREATE TABLE delivery_attempt (
    id              BIGSERIAL   PRIMARY KEY,
    delivery_id     UUID        NOT NULL REFERENCES notification_delivery (id) ON DELETE CASCADE,
    attempt         INT         NOT NULL,
    at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    outcome         TEXT        NOT NULL CHECK (outcome IN ('pending', 'delivered', 'failed', 'dropped')),
    status_code     INT,
    error           TEXT,
    next_attempt_at TIMESTAMPTZ
);

CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, id);
