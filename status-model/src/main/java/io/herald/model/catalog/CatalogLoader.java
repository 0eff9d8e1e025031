package io.herald.model.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates the catalog file. Every problem is reported as
 * {@code <file>:<line>: <where>: <problem>} so an operator can fix it without guessing.
 * Scalar values may use {@code ${ENV_VAR:default}} so one file serves several machines.
 * The page, services, components and checks each have their parser; each check type's options have theirs,
 * registered as a {@link CheckOptionsParser}.
 */
public final class CatalogLoader {

    private CatalogLoader() {
    }

    public static Catalog load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read the catalog: " + e.getMessage(), e);
        }
        return parse(file.toString(), text, System::getenv);
    }

    public static Catalog parse(String fileName, String text, UnaryOperator<String> env) {
        Node root = compose(fileName, text);
        CatalogFile file = new CatalogFile(fileName, env);
        Fields top = file.fields(root, Fields.ROOT, Set.of("page", "services"));
        PageInfo page = PageParser.read(top.nested("page", PageParser.KEYS));
        List<ServiceDef> services = new ArrayList<>();
        for (Fields service : top.each("services", "declare at least one service", ServiceParser.KEYS)) {
            services.add(ServiceParser.read(service, services.size() + 1));
        }
        return new Catalog(page, services);
    }

    private static Node compose(String fileName, String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new CatalogException(fileName + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new CatalogException(fileName + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new CatalogException(fileName + ":1: the catalog is empty; it needs 'page' and 'services'");
        }
        return root;
    }
}
