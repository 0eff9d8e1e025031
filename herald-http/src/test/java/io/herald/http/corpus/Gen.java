package io.herald.http.corpus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded generator of hostile input: the same seed gives the same corpus, so a failure found once is found again
 * with {@code -Dherald.corpus.seed=<seed>}. Values come in families a person would try by hand (empty, whitespace,
 * control characters and NUL, very long, odd Unicode, markup, absurd numbers and dates, broken escapes) and are mixed
 * at random into otherwise well-formed requests.
 */
public final class Gen {
    /** The corpus's seed: {@code herald.corpus.seed}, or a fixed default so CI runs the same corpus each time. */
    public static final long SEED = Long.getLong("herald.corpus.seed", 20250601L);

    private static final List<String> WORDS = List.of(
            "", " ", "  ", "\t", "\n", "\r\n", "down", "DOWN", " down", "down ", "Down\u0000", "up", "ok", "firing",
            "resolved", "null", "true", "0", "-1", "NaN", "undefined", "[]", "{}", "\"", "'", "\\", "%", "%00",
            "%zz", "%%", "%e9", "%C0%AF", "../../etc/passwd", "..%2F..%2F", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE incident; --", "' OR '1'='1",
            "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{#each}", "{name}", "\u202Egnp.exe", "\uFEFF", "\u200B",
            "e\u0301", "\uD83D\uDCA5", "\uD800", "\uDFFF", "\u0000", "\u0007", "\u001B[31m", "\u007F", "\u0085",
            "\u2028", "Ω≈ç√", "日本語", "مرحبا", "a\u0000b", "x".repeat(256), "é".repeat(300));

    private static final List<String> NUMBERS = List.of(
            "0", "-0", "1", "-1", "0.5", "1e999", "-1e999", "1e-999", "1E400", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616", "2147483648", "-2147483649",
            "99999999999999999999999999999999", "1.7976931348623157e308", "4.9e-324", "0x10", "01", "1.", ".5",
            "\"12\"", "\"NaN\"", "\"Infinity\"", "null", "true", "[]", "{}");

    private static final List<String> TIMES = List.of(
            "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z", "2026-12-03T25:61:61Z", "2026-12-03", "2026-12-03T10:00",
            "2026-12-03T10:00:00+25:00", "2026-12-03T10:00:00.123456789123Z", "yesterday", "", "0", "-1",
            "253402300800", "-62135596801", "9223372036854775807", "-9223372036854775808", "1e20", "NaN");

    private static final List<String> MONTHS = List.of(
            "2026-12", "2026-13", "2026-00", "0000-01", "9999-12", "10000-01", "+999999999-12", "-999999999-01",
            "%2B999999999-12", "-0001-01", "2026-1", "26-12", "2026/12", "2026-12-01", "", "%00", "%zz", "x");

    private final Random random;

    public Gen(long seed) {
        this.random = new Random(seed);
    }

    public Gen() {
        this(SEED);
    }

    public Random random() {
        return random;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public final <T> T oneOf(Supplier<T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    /** A hostile string: a known-bad word, a mix of them, random code points, or a long run. */
    public String text() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(WORDS);
            case 2 -> pick(WORDS) + pick(WORDS) + pick(WORDS);
            case 3 -> codePoints(between(1, 40));
            case 4 -> pick(WORDS).isEmpty() ? "x".repeat(between(1_000, 70_000)) : pick(WORDS).repeat(between(50, 500));
            default -> pick(List.of("down", "up", "ok", "email", "imap-monitor")) + pick(WORDS);
        };
    }

    /** Code points from every plane, controls and lone surrogates included. */
    public String codePoints(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(5);
            int cp = switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> 0x80 + random.nextInt(0x780);
                case 3 -> 0xD800 + random.nextInt(0x800);
                default -> random.nextInt(0x110000);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** A JSON number, or something a sender might put where one belongs. */
    public String number() {
        return pick(NUMBERS);
    }

    public String time() {
        return pick(TIMES);
    }

    public String month() {
        return pick(MONTHS);
    }

    /** A JSON value of any kind, hostile strings quoted and escaped as JSON would carry them. */
    public String jsonValue() {
        return switch (random.nextInt(7)) {
            case 0, 1 -> quote(text());
            case 2 -> number();
            case 3 -> quote(time());
            case 4 -> pick(List.of("null", "true", "false", "[]", "{}", "[null]", "{\"\":\"\"}"));
            case 5 -> "[" + quote(text()) + "," + number() + "]";
            default -> "{\"a\":" + quote(text()) + "}";
        };
    }

    /** A value for a query string or form: percent-encoded, or left raw with its broken escapes. */
    public String queryValue() {
        String value = oneOf(this::text, this::number, this::time, this::month);
        return chance(0.3) ? rawTarget(value) : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: encoded, or raw with the bytes a URL may not hold encoded as they stand. */
    public String pathSegment() {
        String value = text();
        return chance(0.3) ? rawTarget(value) : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Keeps the characters a request target can carry on the wire, escapes the rest except '%'. */
    private static String rawTarget(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && c != '#' && c != '?' && c != '/') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /**
     * A well-formed JSON object mutated one way: a field set to a hostile value, dropped, doubled, or the text cut,
     * padded or wrapped so it is no longer the object it was.
     */
    public String mutate(Map<String, String> fields) {
        List<String> names = new ArrayList<>(fields.keySet());
        Map<String, String> out = new java.util.LinkedHashMap<>(fields);
        String name = names.isEmpty() ? "x" : pick(names);
        int how = random.nextInt(10);
        switch (how) {
            case 0, 1, 2, 3 -> out.put(name, jsonValue());
            case 4 -> out.remove(name);
            case 5 -> out.put(quote(text()).replace("\"", ""), jsonValue());
            default -> {
            }
        }
        String json = object(out);
        return switch (how) {
            case 6 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 7 -> json + pick(List.of("x", "}", ",", " {}", "\u0000", "]"));
            case 8 -> "[" + json + "]";
            case 9 -> "{\"" + name + "\":" + out.getOrDefault(name, "1") + "," + json.substring(1);
            default -> json;
        };
    }

    /** A JSON object from raw field values (already JSON). */
    public static String object(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':').append(value);
        });
        return out.append('}').toString();
    }

    /** The string as a JSON string literal. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Bytes that are not UTF-8, or not the JSON they claim to be. */
    public byte[] brokenBody() {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'};
            case 1 -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, '{', 0, '}'};
            case 2 -> "{\"a\":".repeat(between(200, 3_000)).getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[0];
            default -> codePoints(between(1, 200)).getBytes(StandardCharsets.UTF_8);
        };
    }
}
