package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/**
 * Microsoft Graph service health for one service (such as "Exchange Online"), with OAuth2 client credentials.
 *
 * @param tokenUrl the token endpoint ({@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token})
 * @param graphUrl the Graph base ({@code https://graph.microsoft.com}), without a trailing slash
 */
public record GraphOptions(String tokenUrl, String graphUrl, String clientId, String clientSecret, String scope,
        String service) implements CheckOptions {
}
