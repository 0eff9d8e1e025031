package io.herald.model.catalog;

import java.util.Map;

/**
 * What a check of a given type needs besides its thresholds, validated by the loader. Secrets (passwords, client
 * secrets) come from {@code ${ENV_VAR}} placeholders, never written in the file.
 */
public sealed interface ProbeSpec {

    /** Webhook checks: nothing beyond their source. */
    record None() implements ProbeSpec {
    }

    /**
     * HTTP(S) options beyond url, method, expect_status and body_contains.
     *
     * @param headers          request headers sent with each probe
     * @param followRedirects  follow 3xx answers (default true); false lets a check expect a 301 itself
     * @param maxRedirects     at most this many redirects are followed
     * @param jsonPath         a dotted path into a JSON body ({@code status}, {@code checks[0].state}), or null
     * @param jsonExpect       the value found at json_path must equal this (as text), or null: it must exist
     * @param certExpiryDays   an https check is degraded when the certificate expires within this many days (0: off)
     * @param trust            which certificates are accepted for https
     */
    record Http(Map<String, String> headers, boolean followRedirects, int maxRedirects, String jsonPath,
            String jsonExpect, int certExpiryDays, Trust trust) implements ProbeSpec {
    }

    /** A TCP connect, or with TLS a handshake whose certificate expiry is degraded {@code certExpiryDays} ahead. */
    record Endpoint(String host, int port, String serverName, int certExpiryDays, Trust trust) implements ProbeSpec {
    }

    /** A DNS question to one resolver; {@code expect} must appear in an answer when set. */
    record Dns(String resolver, int port, String name, String recordType, String expect) implements ProbeSpec {
    }

    /**
     * SMTP, IMAP or POP3.
     *
     * @param security plain, starttls or tls (implicit TLS: 465, 993, 995)
     * @param user     SMTP only: AUTH with these credentials when set
     */
    record Mail(String host, int port, String security, Trust trust, String heloName, String authMechanism,
            String user, String password) implements ProbeSpec {
    }

    /**
     * Exchange ActiveSync.
     *
     * @param mode       options, healthcheck or autodiscover
     * @param healthPage activesync, owa, autodiscover, ews or mapi (healthcheck mode)
     */
    record ActiveSync(String baseUrl, String mode, String healthPage, String user, String password, Trust trust)
            implements ProbeSpec {
    }

    /** A vendor's Statuspage {@code summary.json}; {@code component} is the vendor's component name for this check. */
    record Statuspage(String url, String component) implements ProbeSpec {
    }

    /**
     * Microsoft Graph service health for one service (such as "Exchange Online"), with OAuth2 client credentials.
     *
     * @param tokenUrl the token endpoint ({@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token})
     * @param graphUrl the Graph base ({@code https://graph.microsoft.com})
     */
    record Graph(String tokenUrl, String graphUrl, String clientId, String clientSecret, String scope,
            String service) implements ProbeSpec {
    }

    /** Which certificates a TLS connection accepts: the system's, any (self-signed lab servers), or a trust store. */
    record Trust(boolean any, String trustStore, String trustStorePassword) {
        public static final Trust SYSTEM = new Trust(false, null, null);
    }
}
