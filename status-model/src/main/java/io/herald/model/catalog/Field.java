package io.herald.model.catalog;

import org.yaml.snakeyaml.nodes.Node;

/** One value of the catalog, with where it sits, so a parser can read it and point at it in an error. */
public final class Field {
    private final CatalogFile file;
    private final Node node;
    private final String where;

    Field(CatalogFile file, Node node, String where) {
        this.file = file;
        this.node = node;
        this.where = where;
    }

    /** The value as text, placeholders replaced. */
    public String text() {
        return file.scalar(node, where);
    }

    /** The path of the value in words, such as {@code services[0].components[1].checks[0].port}. */
    public String where() {
        return where;
    }

    /** {@code <file>:<line>} of the value, to name it in an error about another one. */
    public String position() {
        return file.position(node);
    }

    public CatalogException error(String problem) {
        return file.error(node, where, problem);
    }

    /** An error at this value's line, reported for the key that holds it (a list item, a map entry). */
    CatalogException error(String where, String problem) {
        return file.error(node, where, problem);
    }
}
