package io.herald.ingest.probe.activesync;

/** The Exchange 2013+ load-balancer health pages. */
public enum HealthPage {
    ACTIVESYNC("/Microsoft-Server-ActiveSync/healthcheck.htm"),
    OWA("/owa/healthcheck.htm"),
    AUTODISCOVER("/Autodiscover/healthcheck.htm"),
    EWS("/EWS/healthcheck.htm"),
    MAPI("/mapi/healthcheck.htm");

    private final String path;

    HealthPage(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
