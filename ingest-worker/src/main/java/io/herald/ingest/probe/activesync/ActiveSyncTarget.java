package io.herald.ingest.probe.activesync;

import io.herald.ingest.probe.Secret;
import io.herald.ingest.probe.Targets;
import io.herald.ingest.probe.TlsTrust;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An Exchange-style server reached over HTTP(S).
 *
 * @param baseUrl scheme, host and port, e.g. https://mail.example.org (host and port come from it)
 * @param mode OPTIONS, HEALTHCHECK or AUTODISCOVER
 * @param healthPage which health page HEALTHCHECK fetches; ACTIVESYNC when null
 * @param user optional for OPTIONS (basic credentials), required for AUTODISCOVER (the mailbox looked up)
 * @param password used with user in OPTIONS mode
 * @param trust certificates accepted for https
 */
public record ActiveSyncTarget(URI baseUrl, Duration timeout, ActiveSyncMode mode, HealthPage healthPage,
        String user, String password, TlsTrust trust) {

    public ActiveSyncTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(mode, "mode");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be http or https, was " + baseUrl);
        }
        Targets.requireEndpoint(baseUrl.getHost(), port(baseUrl), timeout);
        healthPage = healthPage == null ? HealthPage.ACTIVESYNC : healthPage;
        trust = trust == null ? TlsTrust.systemDefault() : trust;
        if (mode == ActiveSyncMode.AUTODISCOVER && (user == null || user.isBlank())) {
            throw new IllegalArgumentException("AUTODISCOVER needs the user (mailbox) to look up");
        }
    }

    public String host() {
        return baseUrl.getHost();
    }

    public int port() {
        return port(baseUrl);
    }

    public boolean hasCredentials() {
        return user != null && !user.isBlank() && password != null;
    }

    /** The base URL without a trailing slash, so paths can be appended. */
    public String base() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    @Override
    public String toString() {
        return "ActiveSyncTarget[baseUrl=" + baseUrl + ", timeout=" + timeout + ", mode=" + mode + ", healthPage="
                + healthPage + ", user=" + user + ", password=" + Secret.mask(password) + ", trust=" + trust + "]";
    }
}
