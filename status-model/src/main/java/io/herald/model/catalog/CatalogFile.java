package io.herald.model.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One catalog file being read: its name for messages, the environment for {@code ${VAR:default}} placeholders, the
 * ids used so far, and state the parsers of one load share. Every error it makes reads
 * {@code <file>:<line>: <where>: <problem>}.
 */
final class CatalogFile {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private final String name;
    private final UnaryOperator<String> env;
    private final Set<String> ids = new HashSet<>();
    private final Map<Class<?>, Object> shared = new HashMap<>();

    CatalogFile(String name, UnaryOperator<String> env) {
        this.name = name;
        this.env = env;
    }

    CatalogException error(Node node, String where, String problem) {
        return new CatalogException(position(node) + ": " + where + ": " + problem);
    }

    /** {@code <file>:<line>}; line 0 when there is no node to point at. */
    String position(Node node) {
        return name + ":" + (node == null ? 0 : node.getStartMark().getLine() + 1);
    }

    /** The keys of a mapping node; with {@code allowed}, any other key is an error naming the allowed ones. */
    Fields fields(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, where, "expected a mapping of keys to values");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), where);
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), where, "unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            // SnakeYAML's compose step does not refuse a repeated key; the last one would silently win.
            if (values.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), where, "'" + key + "' is given twice");
            }
        }
        return new Fields(this, node, where, values);
    }

    List<Node> sequence(Node node, String where) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, where, "expected a list");
        }
        return seq.getValue();
    }

    /** A scalar's text with its placeholders replaced. */
    String scalar(Node node, String where) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, where, "expected a single value");
        }
        Matcher m = PLACEHOLDER.matcher(scalar.getValue());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.apply(m.group(1));
            if (replacement == null) {
                replacement = m.group(2);
            }
            if (replacement == null) {
                throw error(node, where, "environment variable " + m.group(1) + " is not set and has no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Ids name pages, services, components and checks alike, so one id is used once in a catalog. */
    void claimId(String id, Field at) {
        if (!ids.add(id)) {
            throw at.error("id '" + id + "' is already used in this catalog");
        }
    }

    <T> T shared(Class<T> type, Supplier<T> create) {
        return type.cast(shared.computeIfAbsent(type, key -> create.get()));
    }
}
