package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/**
 * Exchange ActiveSync.
 *
 * @param baseUrl    the server, such as https://mail.example.org
 * @param mode       options, healthcheck or autodiscover
 * @param healthPage activesync, owa, autodiscover, ews or mapi (healthcheck mode)
 */
public record ActiveSyncOptions(String baseUrl, String mode, String healthPage, String user, String password,
        Trust trust) implements CheckOptions {
}
