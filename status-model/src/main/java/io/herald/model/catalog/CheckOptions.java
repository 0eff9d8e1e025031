package io.herald.model.catalog;

/**
 * What a check of a given type needs besides its thresholds (a URL, a host and port, a webhook source), as read
 * and validated by the type's {@link CheckOptionsParser}. Each type has its own record. Secrets (passwords, client
 * secrets) come from {@code ${ENV_VAR}} placeholders, never written in the file.
 */
public interface CheckOptions {
}
