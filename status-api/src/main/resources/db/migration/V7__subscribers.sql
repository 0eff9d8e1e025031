-- The outbox: every event subscribers may hear about, written in the same transaction as the change it tells
-- about. dedupe_key makes recording idempotent (a redelivered change records its event once); fanned_out_at is set
-- once the event's delivery rows exist.
CREATE TABLE notification_event (
    id            BIGSERIAL   PRIMARY KEY,
    type          TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    component_ids TEXT[]      NOT NULL DEFAULT '{}',
    payload       JSONB       NOT NULL,
    dedupe_key    TEXT        NOT NULL UNIQUE,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    fanned_out_at TIMESTAMPTZ
);

CREATE INDEX notification_event_unsent ON notification_event (id) WHERE fanned_out_at IS NULL;

-- Who hears about what. secret is the webhook signing key (whsec_...): kept in clear because every signature needs
-- it; the confirm and unsubscribe tokens are stored only as SHA-256.
CREATE TABLE subscriber (
    id                       BIGSERIAL   PRIMARY KEY,
    kind                     TEXT        NOT NULL CHECK (kind IN ('webhook', 'email')),
    target                   TEXT        NOT NULL,
    whole_page               BOOLEAN     NOT NULL,
    component_ids            TEXT[]      NOT NULL DEFAULT '{}',
    component_changes        BOOLEAN     NOT NULL DEFAULT FALSE,
    confirmed                BOOLEAN     NOT NULL DEFAULT FALSE,
    confirm_token_sha256     TEXT        UNIQUE,
    unsubscribe_token_sha256 TEXT        NOT NULL UNIQUE,
    secret                   TEXT,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by               TEXT,
    unsubscribed_at          TIMESTAMPTZ,
    unsubscribe_reason       TEXT
);

CREATE UNIQUE INDEX subscriber_active_target ON subscriber (kind, lower(target)) WHERE unsubscribed_at IS NULL;

-- One row per (event, subscriber): its attempts, outcome and next try. receiver groups the rows sent to one
-- server (a webhook's host:port, or 'smtp'), so one slow receiver's rows are limited without holding others back.
CREATE TABLE notification_delivery (
    id               UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id         BIGINT      NOT NULL REFERENCES notification_event (id) ON DELETE CASCADE,
    subscriber_id    BIGINT      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    receiver         TEXT        NOT NULL,
    state            TEXT        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'dropped')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until      TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    UNIQUE (event_id, subscriber_id)
);

CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX notification_delivery_subscriber ON notification_delivery (subscriber_id, created_at DESC);

-- Every mail carries its own unsubscribe token; only its hash is kept.
CREATE TABLE unsubscribe_link (
    token_sha256  TEXT        PRIMARY KEY,
    subscriber_id BIGINT      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
