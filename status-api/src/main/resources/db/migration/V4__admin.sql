-- API tokens: only the SHA-256 of the secret part is stored.
CREATE TABLE api_token (
    id          BIGSERIAL   PRIMARY KEY,
    name        TEXT        NOT NULL,
    scopes      TEXT        NOT NULL,
    secret_sha256 TEXT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ
);

CREATE TABLE operator (
    id              BIGSERIAL   PRIMARY KEY,
    username        TEXT        NOT NULL UNIQUE,
    display_name    TEXT        NOT NULL,
    password_bcrypt TEXT        NOT NULL,
    scopes          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE operator_session (
    id            BIGSERIAL   PRIMARY KEY,
    operator_id   BIGINT      NOT NULL REFERENCES operator (id) ON DELETE CASCADE,
    secret_sha256 TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_entry (
    id       BIGSERIAL   PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL,
    actor    TEXT        NOT NULL,
    action   TEXT        NOT NULL,
    target   TEXT        NOT NULL,
    before   TEXT,
    after    TEXT
);

-- An operator's override of a component's status, shown until it expires.
CREATE TABLE component_override (
    component_id TEXT        PRIMARY KEY,
    status       TEXT        NOT NULL,
    until        TIMESTAMPTZ NOT NULL,
    reason       TEXT,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
