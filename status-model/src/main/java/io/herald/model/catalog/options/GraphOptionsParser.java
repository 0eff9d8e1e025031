package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: graph}: token_url, graph_url, client_id, client_secret, scope and the service, pulled on an interval. */
public final class GraphOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("graph", CheckType.Kind.PULL);
    private static final Set<String> KEYS = Set.of("token_url", "graph_url", "client_id", "client_secret", "scope",
            "service");
    private static final String GRAPH = "https://graph.microsoft.com";

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public CheckOptions read(Fields fields, String checkId) {
        String graphUrl = fields.has("graph_url") ? fields.httpUrl("graph_url") : GRAPH;
        String scope = fields.text("scope");
        return new GraphOptions(fields.httpUrl("token_url"), stripSlash(graphUrl), fields.required("client_id"),
                fields.required("client_secret"), scope == null ? GRAPH + "/.default" : scope,
                fields.required("service"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
