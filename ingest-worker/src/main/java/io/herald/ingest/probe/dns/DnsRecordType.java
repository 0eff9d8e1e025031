package io.herald.ingest.probe.dns;

/** The record types the DNS probe can ask for. */
public enum DnsRecordType {
    A, AAAA, MX, TXT, CNAME, NS
}
