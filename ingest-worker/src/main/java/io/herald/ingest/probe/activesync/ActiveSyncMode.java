package io.herald.ingest.probe.activesync;

/** What the ActiveSync probe asks an Exchange-style server. */
public enum ActiveSyncMode {
    /** OPTIONS {base}/Microsoft-Server-ActiveSync: 401 without credentials, or 200 with MS-ASProtocolVersions. */
    OPTIONS,
    /** GET one of the load-balancer health pages: 200 is healthy. */
    HEALTHCHECK,
    /** GET Autodiscover v2 for the user: JSON naming Protocol ActiveSync and a Url. */
    AUTODISCOVER
}
