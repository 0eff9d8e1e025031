package io.herald.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How status-web reaches status-api and how it keeps its view of the status fresh. */
@ConfigMapping(prefix = "herald.web")
public interface WebConfig {

    /** Base URL of status-api; /api/v1/status and /api/v1/stream are resolved against it. */
    @WithDefault("http://127.0.0.1:8081")
    URI apiUrl();

    /** Safety-net re-fetch of /api/v1/status, whatever the stream says. */
    @WithDefault("30s")
    Duration refreshInterval();

    /** First delay before reconnecting the change stream; doubles on each failure. */
    @WithDefault("500ms")
    Duration reconnectMin();

    /** Cap of the reconnect backoff. */
    @WithDefault("30s")
    Duration reconnectMax();

    /** Time allowed to open a TCP connection to status-api. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Time allowed for a /api/v1/status answer to arrive. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** The change stream is dropped and reopened when nothing (not even a heartbeat) arrived for this long. */
    @WithDefault("60s")
    Duration streamIdleTimeout();

    /** Comment heartbeats on the browsers' /events stream, so proxies keep it open. */
    @WithDefault("15s")
    Duration heartbeatInterval();

    /** Seconds in the refresh hint of the 503 page and of the no-JavaScript page. */
    @WithDefault("30")
    int pageRefreshSeconds();

    /** Seconds between two refreshes of the embeddable widget (in place by its script, else by a meta refresh). */
    @WithDefault("60")
    int embedRefreshSeconds();

    /** Days in the uptime bar of each component. */
    @WithDefault("90")
    int uptimeDays();

    /** Pages built from other status-api data (incident, history, component) are refetched after this at most. */
    @WithDefault("60s")
    Duration pageDataTtl();

    /** How many such pages are kept in memory. */
    @WithDefault("2000")
    int pageCacheSize();

    /** The catalog file every Herald service reads; status-web takes the probed checks of each component from it. */
    @WithName("catalog-path")
    @WithDefault("${herald.catalog.path:catalog/herald.yaml}")
    String catalogPath();

    /** An operator's session ends after this at most (earlier if status-api's token expires first). */
    @WithDefault("8h")
    Duration adminSessionTimeout();

    /**
     * Mark the operators' cookies Secure even when the request reached status-web over plain http (behind a proxy that
     * ends TLS without forwarding the scheme); requests over https get Secure cookies anyway.
     */
    @WithDefault("false")
    boolean adminCookieSecure();

    /**
     * Origins besides the request's own Host (scheme://host[:port]) from which the operators' forms may be sent: this
     * page's public address behind a proxy that rewrites Host. A form from any other Origin (or Referer) is refused.
     */
    Optional<List<String>> adminOrigins();

    Oidc oidc();

    /** The "Sign in with ..." button of the operators' login page; status-api holds the provider's settings. */
    interface Oidc {
        /** Show the button and serve /admin/login/oidc (set status-api's herald.api.oidc.* too). */
        @WithDefault("false")
        boolean enabled();

        /** The provider's name on the button: "Sign in with {display-name}". */
        @WithDefault("single sign-on")
        String displayName();

        /**
         * The callback URL registered at the provider; by default this page's address as the browser reached it,
         * + /admin/login/oidc/callback.
         */
        Optional<URI> redirectUri();

        /** How long a sign-in may take at the provider before its state cookie expires. */
        @WithDefault("10m")
        Duration flowTimeout();
    }
}
