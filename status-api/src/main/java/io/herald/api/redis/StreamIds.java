package io.herald.api.redis;

import java.util.regex.Pattern;

/** Redis stream entry ids ({@code <milliseconds>-<sequence>}): validation and ordering. */
public final class StreamIds {
    private static final Pattern ID = Pattern.compile("\\d{1,19}-\\d{1,19}");

    private StreamIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Orders two valid ids the way Redis does; a null id is older than every id. */
    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int dash = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byTime = Long.compareUnsigned(Long.parseUnsignedLong(a.substring(0, dash)),
                Long.parseUnsignedLong(b.substring(0, dashB)));
        if (byTime != 0) {
            return byTime;
        }
        return Long.compareUnsigned(Long.parseUnsignedLong(a.substring(dash + 1)),
                Long.parseUnsignedLong(b.substring(dashB + 1)));
    }

    public static String newer(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }
}
