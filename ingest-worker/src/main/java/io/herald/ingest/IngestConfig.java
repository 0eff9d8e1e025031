package io.herald.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How signals come in: webhook sources and their tokens, body limits, and how much of the signals stream to keep. */
@ConfigMapping(prefix = "herald.ingest")
public interface IngestConfig {

    /** Webhook sources by name; each is allowed to post to {@code POST /ingest/<name>}. */
    Map<String, Source> sources();

    /**
     * This worker's probe location (a site or network, such as "paris-dc1"). Workers of one location share its
     * probes by lease; a check is down only when its quorum of locations says so.
     */
    @WithDefault("default")
    String location();

    /** Largest accepted webhook body in bytes. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Approximate cap on the signals stream (XADD MAXLEN ~). */
    @WithDefault("1000000")
    long signalsMaxLen();

    /** How long a webhook de-duplication id is remembered. */
    @WithDefault("24h")
    Duration dedupeTtl();

    /** Beats of heartbeat checks ({@code POST /ingest/heartbeat/<check>}). */
    Heartbeat heartbeat();

    interface Heartbeat {
        /** Longest detail a beat may carry, as its text body (in bytes) or its {@code msg} parameter (in characters). */
        @WithDefault("1024")
        int maxDetail();
    }

    /**
     * One sender: how its body reads, how it proves it is genuine, and its format's own settings. Which of its
     * subjects are which checks is the catalog's business ({@code subjects} of a webhook check).
     */
    interface Source {
        /** The name of a sender format bean; an unknown one stops start-up listing the known names. */
        @WithDefault("generic")
        String format();

        /**
         * bearer, basic or hmac (the format's own signature); by default bearer, basic when only basic-sha256 is
         * set, hmac when only a secret is.
         */
        Optional<String> auth();

        /** Lower-case hex SHA-256 of the bearer token; the token itself is never configured. */
        @WithName("token-sha256")
        Optional<String> tokenSha256();

        /** Hex SHA-256 of "user:password" for basic auth. */
        @WithName("basic-sha256")
        Optional<String> basicSha256();

        /** The HMAC secret; it must be held as is to compute signatures, so keep it in the environment. */
        Optional<String> secret();

        /** Several HMAC secrets accepted at once, while the sender rotates them. */
        Optional<List<String>> secrets();

        /** Alertmanager and Grafana: the alert label naming the subject (default herald_check, then alertname). */
        @WithName("subject-label")
        Optional<String> subjectLabel();

        /** Grafana: the header carrying the signature (default X-Grafana-Alerting-Signature). */
        @WithName("signature-header")
        Optional<String> signatureHeader();

        /** Grafana: the timestamp header configured on the contact point, if any. */
        @WithName("timestamp-header")
        Optional<String> timestampHeader();

        /**
         * Deprecated: the sender's subject mapped to a catalog check id. It still works and logs the catalog
         * {@code subjects} line to write instead.
         */
        @Deprecated
        Map<String, String> checks();

        /** How far a signed timestamp may be from now, either way. */
        @WithDefault("5m")
        Duration tolerance();
    }
}
