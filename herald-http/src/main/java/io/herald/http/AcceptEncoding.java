package io.herald.http;

/**
 * Whether a request's Accept-Encoding (RFC 9110, 12.5.3) lets a page go out gzip-compressed: {@code gzip} (or
 * {@code x-gzip}) with a weight above zero, else {@code *} with a weight above zero. Read on every request, so it
 * scans the header in place instead of splitting it.
 */
public final class AcceptEncoding {
    private AcceptEncoding() {
    }

    public static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        int gzip = -1;
        int any = -1;
        int length = header.length();
        int start = 0;
        while (start < length) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = header.indexOf(';', start);
            int codingEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int from = skipSpaces(header, start, codingEnd);
            int to = trimEnd(header, from, codingEnd);
            int accepted = positiveWeight(header, codingEnd, end) ? 1 : 0;
            if (matches(header, from, to, "gzip") || matches(header, from, to, "x-gzip")) {
                gzip = accepted;
            } else if (matches(header, from, to, "*")) {
                any = accepted;
            }
            start = end + 1;
        }
        return gzip >= 0 ? gzip == 1 : any == 1;
    }

    /** The parameters after a coding: a missing q means 1; q=0, q=0.0 ... means "not this one". */
    private static boolean positiveWeight(String header, int from, int to) {
        int q = indexOfQ(header, from, to);
        if (q < 0) {
            return true;
        }
        int value = skipSpaces(header, q, to);
        int valueEnd = value;
        while (valueEnd < to && header.charAt(valueEnd) != ';' && header.charAt(valueEnd) != ' ') {
            valueEnd++;
        }
        if (value == valueEnd) {
            return false;
        }
        try {
            return Double.parseDouble(header.substring(value, valueEnd)) > 0;
        } catch (NumberFormatException e) {
            // A weight we cannot read: identity is always safe, so do not gamble on gzip.
            return false;
        }
    }

    /** Index just after "q=" among the parameters between from and to, or -1. */
    private static int indexOfQ(String header, int from, int to) {
        int i = from;
        while (i < to) {
            if (header.charAt(i) == ';') {
                int name = skipSpaces(header, i + 1, to);
                if (name + 1 < to && (header.charAt(name) == 'q' || header.charAt(name) == 'Q')) {
                    int equals = skipSpaces(header, name + 1, to);
                    if (equals < to && header.charAt(equals) == '=') {
                        return equals + 1;
                    }
                }
            }
            i++;
        }
        return -1;
    }

    private static boolean matches(String header, int from, int to, String coding) {
        return to - from == coding.length() && header.regionMatches(true, from, coding, 0, coding.length());
    }

    private static int skipSpaces(String header, int from, int to) {
        while (from < to && (header.charAt(from) == ' ' || header.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String header, int from, int to) {
        while (to > from && (header.charAt(to - 1) == ' ' || header.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
