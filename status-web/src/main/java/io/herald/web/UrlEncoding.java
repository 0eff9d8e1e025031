package io.herald.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Text put into a URL status-web builds: a path segment of a status-api address, a query value of status-api's or an
 * OpenID Connect provider's. {@link URLEncoder} writes a space as {@code +}, which only a form decoder reads back as a
 * space: in a path a {@code +} is a plus. RFC 3986 percent-encoding ({@code %20}, a plus as {@code %2B}) is read
 * the same by a path decoder, a query decoder and a form decoder, so it is the one used for both.
 */
public final class UrlEncoding {
    private UrlEncoding() {
    }

    /** One path segment: {@code "a b+c/d"} becomes {@code "a%20b%2Bc%2Fd"}. */
    public static String pathSegment(String text) {
        return percentEncoded(text);
    }

    /** One query value (or name): {@code "a b+c&d"} becomes {@code "a%20b%2Bc%26d"}. */
    public static String queryValue(String text) {
        return percentEncoded(text);
    }

    private static String percentEncoded(String text) {
        // URLEncoder leaves only A-Z a-z 0-9 . - * _ as they are and writes a literal + as %2B, so every + it
        // writes was a space.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
