-- Tokens and sessions are found by the SHA-256 of the presented token (the secret itself is never stored).
CREATE UNIQUE INDEX api_token_secret ON api_token (secret_sha256);
CREATE UNIQUE INDEX operator_session_secret ON operator_session (secret_sha256);
CREATE INDEX audit_entry_id_desc ON audit_entry (id DESC);
