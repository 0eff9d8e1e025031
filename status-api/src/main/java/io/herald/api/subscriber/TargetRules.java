package io.herald.api.subscriber;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which targets a subscriber may name. Each check returns the reason a target is refused, written for the person who
 * typed it, or empty when it is accepted.
 */
public final class TargetRules {
    private static final int MAX_EMAIL = 254;
    private static final int MAX_URL = 2048;
    private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private TargetRules() {
    }

    public static Optional<String> checkEmail(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("an email address is required");
        }
        if (address.length() > MAX_EMAIL) {
            return Optional.of("is longer than " + MAX_EMAIL + " characters");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at != address.indexOf('@')) {
            return Optional.of("is not an email address (name@domain)");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!LOCAL_PART.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            return Optional.of("has a name part (before @) that mail servers do not accept");
        }
        return checkDomain(domain).map(reason -> "has a domain that " + reason);
    }

    /** Syntax only; {@link #isPrivate} judges the addresses the host resolves to. */
    public static Optional<String> checkWebhookUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("a URL is required");
        }
        if (url.length() > MAX_URL) {
            return Optional.of("is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must start with https:// or http://");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; authenticate with the signature instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("has no host name");
        }
        if (host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return Optional.empty();
        }
        return checkDomain(host).map(reason -> "has a host name that " + reason);
    }

    /** Loopback, private (RFC 1918, RFC 4193), link-local, carrier-grade NAT, unspecified and multicast addresses. */
    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d is judged as the IPv4 address it maps
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (java.net.UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<String> checkDomain(String domain) {
        if (domain.isEmpty() || domain.length() > 253) {
            return Optional.of("is empty or too long");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("has no dot (a full name such as example.org is needed)");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("is not a valid host name");
            }
        }
        return Optional.empty();
    }
}
