package io.herald.model.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The keys of one catalog mapping (the page, a service, a component, a check) with readers that validate a value
 * and, when it is wrong, throw a {@link CatalogException} reading {@code <file>:<line>: <where>.<key>: <problem>}.
 * A missing required key is reported at the mapping's own line.
 */
public final class Fields {
    public static final UnaryOperator<String> UPPER = value -> value.toUpperCase(Locale.ROOT);
    public static final UnaryOperator<String> LOWER = value -> value.toLowerCase(Locale.ROOT);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.:-]{0,252})");
    static final String ROOT = "catalog";
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final CatalogFile file;
    private final Node node;
    private final String where;
    private final Map<String, Node> values;

    Fields(CatalogFile file, Node node, String where, Map<String, Node> values) {
        this.file = file;
        this.node = node;
        this.where = where;
        this.values = values;
    }

    /** Lower-case letters, digits and '-', at most 63: ids and source names. */
    public static boolean isId(String text) {
        return ID.matcher(text).matches();
    }

    public String where() {
        return where;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value of the key, or null when absent. */
    public Field field(String key) {
        Node value = values.get(key);
        return value == null ? null : new Field(file, value, path(key));
    }

    /** The text of an optional key, or null. */
    public String text(String key) {
        Field value = field(key);
        return value == null ? null : value.text();
    }

    /** The text of a key that must be there and not blank. */
    public String required(String key) {
        Field value = field(key);
        if (value == null) {
            throw missing(key);
        }
        String text = value.text();
        if (text.isBlank()) {
            throw value.error("must not be empty");
        }
        return text;
    }

    /**
     * One of a few words: the text normalized (upper- or lower-cased), the fallback when absent.
     *
     * @param expected the words in a sentence, after "is not": {@code "plain, starttls or tls"}
     */
    public String choice(String key, String fallback, UnaryOperator<String> normalize, Set<String> allowed,
            String expected) {
        String text = text(key);
        String value = text == null ? fallback : normalize.apply(text);
        if (!allowed.contains(value)) {
            throw error(key, "'" + value + "' is not " + expected);
        }
        return value;
    }

    public String httpUrl(String key) {
        String url = required(key);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw error(key, "'" + url + "' is not an http(s) URL");
        }
        return url;
    }

    public String host(String key) {
        String host = required(key);
        if (!HOST.matcher(host).matches()) {
            throw error(key, "'" + host + "' is not a host name or address");
        }
        return host;
    }

    public String optionalHost(String key) {
        return has(key) ? host(key) : null;
    }

    /** A port; without a fallback the key is required. */
    public int port(String key, Integer fallback) {
        if (!has(key) && fallback == null) {
            throw missing(key);
        }
        return number(key, fallback == null ? 0 : fallback, 1, 65535);
    }

    public int number(String key, int fallback, int min, int max) {
        Field value = field(key);
        if (value == null) {
            return fallback;
        }
        String text = value.text();
        try {
            int number = Integer.parseInt(text.trim());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw value.error("'" + text + "' is not a whole number from " + min + " to " + max);
        }
    }

    public boolean bool(String key, boolean fallback) {
        Field value = field(key);
        if (value == null) {
            return fallback;
        }
        String text = value.text();
        if (!text.equals("true") && !text.equals("false")) {
            throw value.error("'" + text + "' is not true or false");
        }
        return Boolean.parseBoolean(text);
    }

    /** 500ms, 30s, 5m or 1h; zero is not a duration. */
    public Duration duration(String key, Duration fallback) {
        Field value = field(key);
        if (value == null) {
            return fallback;
        }
        String text = value.text();
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw value.error("'" + text + "' is not a duration (use for example 500ms, 30s, 5m, 1h)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The items of a list, or a single value as a list of one; empty when absent. Items report as the key. */
    public List<Field> list(String key) {
        Node value = values.get(key);
        if (value == null) {
            return List.of();
        }
        List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        List<Field> fields = new ArrayList<>();
        for (Node item : items) {
            fields.add(new Field(file, item, path(key)));
        }
        return fields;
    }

    /** The entries of a nested mapping, in file order; empty when absent. Each value reports as key.name. */
    public Map<String, Field> map(String key) {
        Node value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        Fields nested = file.fields(value, path(key), null);
        Map<String, Field> entries = new LinkedHashMap<>();
        nested.values.forEach((name, item) -> entries.put(name, new Field(file, item, nested.path(name))));
        return entries;
    }

    /** A problem with the key's value, at its line (or the mapping's when the key is absent). */
    public CatalogException error(String key, String problem) {
        Node value = values.get(key);
        return file.error(value == null ? node : value, path(key), problem);
    }

    /** A problem with one item or entry of the key's list or mapping, reported as the key at the item's line. */
    public CatalogException error(String key, Field item, String problem) {
        return item.error(path(key), problem);
    }

    public CatalogException missing(String key) {
        return file.error(node, where, "'" + key + "' is missing");
    }

    /**
     * State the parsers share for the length of one catalog load (for example which check claims which subject),
     * created on first use.
     */
    public <T> T perCatalog(Class<T> type, Supplier<T> create) {
        return file.shared(type, create);
    }

    /** The value of {@code id}: required and an id. */
    String id() {
        String id = required("id");
        if (!isId(id)) {
            throw error("id", "'" + id + "' is not an id (lower-case letters, digits and '-', at most 63)");
        }
        return id;
    }

    /** The value of {@code id}, not used before in this catalog. */
    String uniqueId() {
        String id = id();
        file.claimId(id, field("id"));
        return id;
    }

    /** A required nested mapping, such as the page. */
    Fields nested(String key, Set<String> allowed) {
        Node value = values.get(key);
        if (value == null) {
            throw missing(key);
        }
        return file.fields(value, path(key), allowed);
    }

    /**
     * The mappings of a required list, each named {@code key[i]}; an empty list is an error saying what it needs.
     * With {@code allowed} null every key is accepted (the caller narrows them, as a check does by its type).
     */
    List<Fields> each(String key, String whenEmpty, Set<String> allowed) {
        Node value = values.get(key);
        if (value == null) {
            throw missing(key);
        }
        List<Node> items = file.sequence(value, path(key));
        if (items.isEmpty()) {
            throw file.error(value, path(key), whenEmpty);
        }
        List<Fields> each = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            each.add(file.fields(items.get(i), path(key) + "[" + i + "]", allowed));
        }
        return each;
    }

    /** The same mapping, now refusing any key but these. */
    Fields only(Set<String> allowed) {
        return file.fields(node, where, allowed);
    }

    // The top-level keys (page, services) are named on their own.
    private String path(String key) {
        return where.equals(ROOT) ? key : where + "." + key;
    }
}
