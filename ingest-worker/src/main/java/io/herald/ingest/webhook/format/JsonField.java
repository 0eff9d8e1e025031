package io.herald.ingest.webhook.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node of a parsed body together with where it sits, both as a JSON pointer ("/alerts/0/status") and in words
 * ("alerts[0].status"), so every validation error names the field the same way.
 */
final class JsonField {

    // Duplicate keys would let a signed body say two things at once; trailing tokens mean it is not one document.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int MAX_QUOTED = 60;
    private static final int MAX_ERROR = 200;
    static final long LATEST_EPOCH_SECOND = 253_402_300_799L;
    // Uptime Kuma and Azure write local date-times without an offset; both mean UTC.
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private final JsonNode node;
    private final String pointer;
    private final String words;

    private JsonField(JsonNode node, String pointer, String words) {
        this.node = node;
        this.pointer = pointer;
        this.words = words;
    }

    /** Parses the body; it must be one JSON object. */
    static JsonField parseObject(byte[] body) throws PayloadException {
        if (body == null || body.length == 0) {
            throw PayloadException.notJson("the body is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw PayloadException.notJson(shorten(e.getOriginalMessage(), MAX_ERROR) + where);
        } catch (IOException e) {
            throw PayloadException.notJson(shorten(e.getMessage(), MAX_ERROR));
        }
        if (root == null || root.isMissingNode()) {
            throw PayloadException.notJson("the body is empty");
        }
        if (!root.isObject()) {
            throw PayloadException.invalid("", "the body must be a JSON object, got " + describe(root));
        }
        return new JsonField(root, "", "");
    }

    JsonField get(String name) {
        JsonNode child = node != null && node.isObject() ? node.get(name) : null;
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return new JsonField(child, pointer + "/" + escaped, words.isEmpty() ? name : words + "." + name);
    }

    JsonField at(int index) {
        JsonNode child = node != null && node.isArray() ? node.get(index) : null;
        return new JsonField(child, pointer + "/" + index, words + "[" + index + "]");
    }

    String pointer() {
        return pointer;
    }

    String words() {
        return words;
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    JsonField object() throws PayloadException {
        requirePresent();
        if (!node.isObject()) {
            throw invalid(words + " must be an object, got " + describe(node));
        }
        return this;
    }

    List<JsonField> array() throws PayloadException {
        requirePresent();
        if (!node.isArray()) {
            throw invalid(words + " must be an array, got " + describe(node));
        }
        List<JsonField> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            items.add(at(i));
        }
        return items;
    }

    /** An id or a name: a non-blank string, exactly as sent (see {@link FieldText#name}). */
    String text() throws PayloadException {
        requirePresent();
        if (!node.isTextual()) {
            throw invalid(words + " must be a string, got " + describe(node));
        }
        return name(node.textValue());
    }

    /** An id or a name that some senders write as a number: a non-blank string or a number, as text. */
    String scalar() throws PayloadException {
        requirePresent();
        if (node.isNumber()) {
            return node.asText();
        }
        return text();
    }

    /** An optional id or name, exactly as sent; absent when missing, null or blank. */
    Optional<String> optionalText() throws PayloadException {
        if (!present()) {
            return Optional.empty();
        }
        String value = optionalScalar();
        refuse(FieldText.name(value));
        return Optional.of(value).filter(s -> !s.isBlank());
    }

    /**
     * Optional words for people (a detail, a message, an annotation): tab, CR and LF are kept, other control
     * characters refused (see {@link FieldText#freeText}); surrounding spaces are dropped; absent when blank.
     */
    Optional<String> optionalFreeText() throws PayloadException {
        if (!present()) {
            return Optional.empty();
        }
        String value = optionalScalar();
        refuse(FieldText.freeText(value));
        return Optional.of(value.strip()).filter(s -> !s.isEmpty());
    }

    long integer() throws PayloadException {
        requirePresent();
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(words + " must be a whole number, got " + describe(node));
        }
        return node.longValue();
    }

    /**
     * A time in unix seconds, as Pingdom writes it: a whole number between 1970 and 9999, so a sender's garbage
     * (9e18, -1, epoch milliseconds or microseconds) is named as such instead of overflowing Instant.
     */
    Instant epochSeconds() throws PayloadException {
        long seconds = integer();
        if (seconds < 0 || seconds > LATEST_EPOCH_SECOND) {
            throw invalid(words + " must be unix seconds between 0 (1970) and " + LATEST_EPOCH_SECOND
                    + " (the end of 9999), got " + seconds);
        }
        return Instant.ofEpochSecond(seconds);
    }

    /**
     * An optional measurement: a finite number from 0 to {@code max}; JSON allows 1e999, which reads as infinity.
     */
    Optional<Double> optionalMeasure(double max) throws PayloadException {
        Optional<Double> value = optionalNumber();
        if (value.isPresent() && !(value.get() >= 0 && value.get() <= max)) {
            throw invalid(words + " must be a number from 0 to " + (long) max + ", got " + node.asText());
        }
        return value;
    }

    Optional<Double> optionalNumber() throws PayloadException {
        if (!present()) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw invalid(words + " must be a number, got " + describe(node));
        }
        return Optional.of(node.doubleValue());
    }

    /**
     * A status word: one of the allowed values, compared ignoring case but otherwise exactly (a space around it is
     * refused, not trimmed); returns the allowed spelling.
     */
    String oneOf(String... allowed) throws PayloadException {
        requirePresent();
        if (!node.isTextual() && !node.isNumber()) {
            throw invalid(words + " must be " + choices(allowed) + ", got " + describe(node));
        }
        FieldText.Result word = FieldText.statusWord(node.asText(), allowed);
        if (!word.ok()) {
            throw invalid(words + " " + word.refusal());
        }
        return word.word();
    }

    /** An ISO-8601 date-time; without an offset it is read as UTC. */
    Instant instant() throws PayloadException {
        String value = text();
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(value, LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException local) {
                throw invalid(words + " must be an ISO-8601 date-time such as 2025-03-01T08:15:00Z, got "
                        + quote(value));
            }
        }
    }

    Optional<Instant> optionalInstant() throws PayloadException {
        return present() ? Optional.of(instant()) : Optional.empty();
    }

    PayloadException invalid(String message) {
        return PayloadException.invalid(pointer, message);
    }

    private String name(String value) throws PayloadException {
        refuse(FieldText.name(value));
        if (value.isEmpty()) {
            throw invalid(words + " must not be empty");
        }
        if (value.isBlank()) {
            throw invalid(words + " must not be blank");
        }
        return value;
    }

    private String optionalScalar() throws PayloadException {
        if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
            throw invalid(words + " must be a string, got " + describe(node));
        }
        return node.asText();
    }

    private void refuse(Optional<String> why) throws PayloadException {
        if (why.isPresent()) {
            throw invalid(words + " " + why.get());
        }
    }

    private void requirePresent() throws PayloadException {
        if (!present()) {
            throw invalid((words.isEmpty() ? "the body" : words) + " is required");
        }
    }

    static String choices(String... allowed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < allowed.length; i++) {
            if (i > 0) {
                out.append(i == allowed.length - 1 ? " or " : ", ");
            }
            out.append('\'').append(allowed[i]).append('\'');
        }
        return out.toString();
    }

    /** The value in quotes, shortened, each control character written as a backslash-u escape so it can be seen. */
    static String quote(String value) {
        String shown = value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
        StringBuilder out = new StringBuilder("'");
        shown.chars().forEach(c -> {
            if (FieldText.isControl((char) c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('\'').toString();
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string " + quote(value.textValue());
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        return value.isArray() ? "an array" : value.isObject() ? "an object" : value.getNodeType().name().toLowerCase();
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= max ? clean : clean.substring(0, max) + "...";
    }
}
