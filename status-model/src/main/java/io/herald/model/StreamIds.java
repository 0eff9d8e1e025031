package io.herald.model;

import java.util.regex.Pattern;

/** Redis stream entry ids ({@code <milliseconds>-<sequence>}): validation and ordering, as Redis orders them. */
public final class StreamIds {
    private static final Pattern ID = Pattern.compile("\\d{1,19}-\\d{1,19}");

    private StreamIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * Orders two ids the way Redis does; a null id is older than every id, and an id without a sequence
     * ({@code <milliseconds>}) counts as sequence 0, as Redis reads it in XRANGE.
     */
    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        long[] x = parse(a);
        long[] y = parse(b);
        int byTime = Long.compareUnsigned(x[0], y[0]);
        return byTime != 0 ? byTime : Long.compareUnsigned(x[1], y[1]);
    }

    /** The milliseconds part of a valid id (the time Redis stamped it with); Long.MAX_VALUE past the signed range. */
    public static long millis(String id) {
        long millis = parse(id)[0];
        return millis < 0 ? Long.MAX_VALUE : millis;
    }

    /**
     * The id for an entry written now, after the entry {@code last} (null for none): {@code <now>-0}, or, while the
     * clock has not passed {@code last}'s time (the same millisecond, or a writer whose clock is behind), {@code last}'s
     * time with the next sequence, which is what Redis itself gives an entry added with {@code *}.
     */
    public static String following(String last, long nowMillis) {
        if (last == null) {
            return nowMillis + "-0";
        }
        long[] top = parse(last);
        if (Long.compareUnsigned(nowMillis, top[0]) > 0) {
            return nowMillis + "-0";
        }
        return Long.toUnsignedString(top[0]) + "-" + Long.toUnsignedString(top[1] + 1);
    }

    /** The later of two ids (either may be null). */
    public static String newer(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return new long[] {Long.parseUnsignedLong(id), 0};
        }
        return new long[] {Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1))};
    }
}
