package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/**
 * A DNS question to one resolver.
 *
 * @param recordType A, AAAA, MX, TXT, CNAME or NS
 * @param expect     must appear in an answer when set
 */
public record DnsOptions(String resolver, int port, String name, String recordType, String expect)
        implements CheckOptions {
}
