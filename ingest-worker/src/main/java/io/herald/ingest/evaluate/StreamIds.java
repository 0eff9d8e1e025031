package io.herald.ingest.evaluate;

/** Orders Redis stream entry ids ("<millis>-<sequence>"). */
final class StreamIds {
    private StreamIds() {
    }

    static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        int byTime = Long.compare(x[0], y[0]);
        return byTime != 0 ? byTime : Long.compare(x[1], y[1]);
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return new long[] { Long.parseUnsignedLong(id), 0 };
        }
        return new long[] { Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1)) };
    }
}
