-- Incidents and scheduled maintenances share Statuspage's model (a maintenance is an incident with a window), so
-- they share these tables; kind tells them apart.
CREATE TABLE incident (
    id              BIGSERIAL   PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('incident', 'maintenance')),
    name            TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    impact          TEXT        NOT NULL,
    automatic       BOOLEAN     NOT NULL DEFAULT FALSE,
    taken_over      BOOLEAN     NOT NULL DEFAULT FALSE,
    auto_transition BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    monitoring_at   TIMESTAMPTZ,
    resolved_at     TIMESTAMPTZ,
    scheduled_for   TIMESTAMPTZ,
    scheduled_until TIMESTAMPTZ,
    -- when a maintenance was cancelled or closed early: its window ends there
    ended_at        TIMESTAMPTZ,
    update_count    INT         NOT NULL DEFAULT 0
);

CREATE INDEX incident_kind_created ON incident (kind, created_at DESC, id DESC);
CREATE INDEX incident_open ON incident (kind, status) WHERE resolved_at IS NULL;
CREATE INDEX incident_updated ON incident (updated_at);

CREATE TABLE incident_update (
    id                    BIGSERIAL   PRIMARY KEY,
    incident_id           BIGINT      NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    status                TEXT        NOT NULL,
    body                  TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    display_at            TIMESTAMPTZ NOT NULL,
    -- JSON array of {code, name, old_status, new_status}, or NULL
    affected_components   TEXT,
    deliver_notifications BOOLEAN     NOT NULL DEFAULT TRUE
);

CREATE INDEX incident_update_incident ON incident_update (incident_id, created_at DESC, id DESC);

-- The components an incident or maintenance affects, with the status last seen for each.
CREATE TABLE incident_component (
    incident_id  BIGINT NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    component_id TEXT   NOT NULL,
    status       TEXT   NOT NULL,
    PRIMARY KEY (incident_id, component_id)
);

CREATE INDEX incident_component_component ON incident_component (component_id);

CREATE TABLE incident_template (
    id     BIGSERIAL PRIMARY KEY,
    name   TEXT NOT NULL,
    title  TEXT NOT NULL,
    body   TEXT NOT NULL,
    status TEXT NOT NULL,
    impact TEXT NOT NULL
);
