package io.herald.api.admin.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The parts of a provider's discovery document ({issuer}/.well-known/openid-configuration) that Herald uses. */
public record ProviderMetadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
        List<String> tokenEndpointAuthMethods) {

    /** Reads the document; null fields mean the provider sent something that is not a usable OIDC document. */
    static ProviderMetadata of(JsonNode json) {
        List<String> methods = new ArrayList<>();
        json.path("token_endpoint_auth_methods_supported").forEach(m -> methods.add(m.asText()));
        return new ProviderMetadata(text(json, "issuer"), text(json, "authorization_endpoint"),
                text(json, "token_endpoint"), text(json, "jwks_uri"), List.copyOf(methods));
    }

    /**
     * client_secret_basic unless the provider lists only client_secret_post (the default when the list is absent,
     * RFC 8414).
     */
    boolean secretInBody() {
        return !tokenEndpointAuthMethods.isEmpty() && !tokenEndpointAuthMethods.contains("client_secret_basic")
                && tokenEndpointAuthMethods.contains("client_secret_post");
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
