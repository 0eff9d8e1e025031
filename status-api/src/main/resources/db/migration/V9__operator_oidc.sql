-- Operators who sign in with OpenID Connect. The first sign-in matches the operator by email (or username), then
-- links the provider's stable identity (issuer + subject), which later sign-ins use. An operator without a
-- password can only sign in through the provider.
ALTER TABLE operator ALTER COLUMN password_bcrypt DROP NOT NULL;
ALTER TABLE operator ADD COLUMN email TEXT;
ALTER TABLE operator ADD COLUMN oidc_issuer TEXT;
ALTER TABLE operator ADD COLUMN oidc_subject TEXT;
ALTER TABLE operator ADD CONSTRAINT operator_oidc_identity_whole
    CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX operator_email ON operator (lower(email));
CREATE UNIQUE INDEX operator_oidc_identity ON operator (oidc_issuer, oidc_subject);

-- How a session was opened (password or oidc), shown to the operator and in the audit log.
ALTER TABLE operator_session ADD COLUMN method TEXT NOT NULL DEFAULT 'password';
