package io.herald.ingest.webhook.format;

import java.util.Optional;

/**
 * What a sender's text may hold, for every format alike. Ids, names and subjects are taken exactly as sent (no
 * trimming, case kept) and may hold no control character (U+0000 to U+001F, U+007F); status words are matched
 * ignoring case but otherwise exactly, so a space around one is refused rather than trimmed away; free text
 * (details, messages, annotations) may hold tab, CR and LF but no other control character. NUL is never accepted.
 * Each rule answers why a value is refused, in words that follow the field's name, or nothing when it is fine.
 * Heartbeats hold their query parameters and text body to the same rules.
 */
public final class FieldText {

    private FieldText() {
    }

    /** An id, a name or a subject. */
    public static Optional<String> name(String value) {
        return control(value, false).map(c -> describe(value, c) + "; ids, names and status words cannot contain "
                + "control characters");
    }

    /** A request header used as an id (a de-duplication key), held to the same rule as ids in the body. */
    static String headerId(String header, String value) throws PayloadException {
        Optional<String> why = name(value);
        if (why.isPresent()) {
            throw PayloadException.invalid("header:" + header, "the " + header + " header " + why.get());
        }
        return value;
    }

    /** Words for people: line breaks and tabs are kept, other control characters refused. */
    public static Optional<String> freeText(String value) {
        return control(value, true).map(c -> describe(value, c) + "; free text may contain tab, CR and LF but no "
                + "other control character");
    }

    /**
     * One of a few words, ignoring case.
     *
     * @param value   the sender's word
     * @param allowed the words in their canonical spelling
     * @return the canonical spelling, or why the value is none of them
     */
    public static Result statusWord(String value, String... allowed) {
        Optional<String> bad = name(value);
        if (bad.isPresent()) {
            return Result.refused(bad.get());
        }
        if (!value.equals(value.strip())) {
            return Result.refused(JsonField.quote(value) + " has spaces around it; send one of "
                    + JsonField.choices(allowed));
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return Result.accepted(candidate);
            }
        }
        return Result.refused("must be " + JsonField.choices(allowed) + ", got " + JsonField.quote(value));
    }

    static boolean isControl(char c) {
        return c <= 0x1F || c == 0x7F;
    }

    private static Optional<Character> control(String value, boolean lineBreaksAndTabs) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && !(lineBreaksAndTabs && (c == '\t' || c == '\r' || c == '\n'))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String describe(String value, char control) {
        return JsonField.quote(value) + " contains the control character " + String.format("U+%04X", (int) control);
    }

    /** A status word in its canonical spelling, or why the sender's word is refused. */
    public record Result(String word, String refusal) {
        static Result accepted(String word) {
            return new Result(word, null);
        }

        static Result refused(String why) {
            return new Result(null, why);
        }

        public boolean ok() {
            return refusal == null;
        }
    }
}
