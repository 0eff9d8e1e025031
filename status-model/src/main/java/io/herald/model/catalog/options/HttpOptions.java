package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import java.util.Map;
import java.util.Set;

/**
 * An http(s) check.
 *
 * @param url             what the probe requests
 * @param method          GET, HEAD, OPTIONS or POST
 * @param expectStatus    statuses counted as success
 * @param bodyContains    a keyword the body must contain, or null
 * @param headers         request headers sent with each probe
 * @param followRedirects follow 3xx answers (default true); false lets a check expect a 301 itself
 * @param maxRedirects    at most this many redirects are followed
 * @param jsonPath        a dotted path into a JSON body ({@code status}, {@code checks[0].state}), or null
 * @param jsonExpect      the value found at json_path must equal this (as text), or null: it must exist
 * @param certExpiryDays  an https check is degraded when the certificate expires within this many days (0: off)
 * @param trust           which certificates are accepted for https
 */
public record HttpOptions(String url, String method, Set<Integer> expectStatus, String bodyContains,
        Map<String, String> headers, boolean followRedirects, int maxRedirects, String jsonPath, String jsonExpect,
        int certExpiryDays, Trust trust) implements CheckOptions {
}
