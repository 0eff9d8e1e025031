-- Every status change of a component, as consumed from the changes stream. stream_id (the Redis entry id)
-- makes recording idempotent: a redelivered entry is never stored twice.
CREATE TABLE status_change (
    id           BIGSERIAL PRIMARY KEY,
    stream_id    TEXT        NOT NULL UNIQUE,
    component_id TEXT        NOT NULL,
    from_status  TEXT,
    to_status    TEXT        NOT NULL,
    changed_at   TIMESTAMPTZ NOT NULL,
    cause        TEXT,
    detail       TEXT,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX status_change_component_changed_at ON status_change (component_id, changed_at DESC, id DESC);
