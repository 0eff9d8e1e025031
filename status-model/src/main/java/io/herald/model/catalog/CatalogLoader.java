package io.herald.model.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates the catalog file. Every problem is reported as
 * {@code <file>:<line>: <where>: <problem>} so an operator can fix it without guessing.
 * Scalar values may use {@code ${ENV_VAR:default}} so one file serves several machines.
 */
public final class CatalogLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private final String fileName;
    private final UnaryOperator<String> env;

    private CatalogLoader(String fileName, UnaryOperator<String> env) {
        this.fileName = fileName;
        this.env = env;
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
        return new CatalogLoader(fileName, env).parse(new StringReader(text));
    }

    private Catalog parse(Reader reader) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new CatalogException(fileName + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new CatalogException(fileName + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new CatalogException(fileName + ":1: the catalog is empty; it needs 'page' and 'services'");
        }
        Map<String, Node> top = mapping(root, "catalog", Set.of("page", "services"));
        PageInfo page = page(required(top, "page", root, "catalog"));
        Node servicesNode = required(top, "services", root, "catalog");
        List<Node> serviceNodes = sequence(servicesNode, "services");
        if (serviceNodes.isEmpty()) {
            throw error(servicesNode, "services", "declare at least one service");
        }
        Set<String> ids = new HashSet<>();
        List<ServiceDef> services = new ArrayList<>();
        int position = 1;
        for (int i = 0; i < serviceNodes.size(); i++) {
            services.add(service(serviceNodes.get(i), "services[" + i + "]", position++, ids));
        }
        return new Catalog(page, services);
    }

    private PageInfo page(Node node) {
        Map<String, Node> fields = mapping(node, "page", Set.of("id", "name", "url", "time_zone"));
        String id = id(fields, node, "page");
        String name = text(fields, "name", node, "page", true);
        String url = text(fields, "url", node, "page", true);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw error(fields.get("url"), "page.url", "'" + url + "' is not an http(s) URL");
        }
        String zone = text(fields, "time_zone", node, "page", false);
        ZoneId timeZone;
        try {
            timeZone = zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw error(fields.get("time_zone"), "page.time_zone",
                    "'" + zone + "' is not a time zone (use a name such as Europe/Paris or UTC)");
        }
        return new PageInfo(id, name, url, timeZone);
    }

    private ServiceDef service(Node node, String where, int position, Set<String> ids) {
        Map<String, Node> fields = mapping(node, where, Set.of("id", "name", "description", "components"));
        String id = uniqueId(fields, node, where, ids);
        String name = text(fields, "name", node, where, true);
        String description = text(fields, "description", node, where, false);
        Node componentsNode = required(fields, "components", node, where);
        List<Node> componentNodes = sequence(componentsNode, where + ".components");
        if (componentNodes.isEmpty()) {
            throw error(componentsNode, where + ".components", "a service needs at least one component");
        }
        List<ComponentDef> components = new ArrayList<>();
        for (int i = 0; i < componentNodes.size(); i++) {
            components.add(component(componentNodes.get(i), where + ".components[" + i + "]", id, i + 1, ids));
        }
        return new ServiceDef(id, name, description, position, components);
    }

    private ComponentDef component(Node node, String where, String serviceId, int position, Set<String> ids) {
        Map<String, Node> fields = mapping(node, where, Set.of("id", "name", "description", "critical", "checks"));
        String id = uniqueId(fields, node, where, ids);
        String name = text(fields, "name", node, where, true);
        String description = text(fields, "description", node, where, false);
        boolean critical = bool(fields, "critical", where, false);
        Node checksNode = required(fields, "checks", node, where);
        List<Node> checkNodes = sequence(checksNode, where + ".checks");
        if (checkNodes.isEmpty()) {
            throw error(checksNode, where + ".checks", "a component needs at least one check");
        }
        List<CheckDef> checks = new ArrayList<>();
        for (int i = 0; i < checkNodes.size(); i++) {
            checks.add(check(checkNodes.get(i), where + ".checks[" + i + "]", id, ids));
        }
        return new ComponentDef(id, name, description, serviceId, position, critical, checks);
    }

    private static final Set<String> COMMON = Set.of("id", "name", "type", "interval", "timeout", "failures_to_down",
            "successes_to_up", "latency_limit", "quorum");
    private static final Set<String> TRUST = Set.of("trust", "trust_password");
    private static final Map<CheckType, Set<String>> OPTIONS = Map.ofEntries(
            Map.entry(CheckType.HTTP, union(TRUST, "url", "method", "expect_status", "body_contains", "headers",
                    "follow_redirects", "max_redirects", "json_path", "json_expect", "cert_expiry_days")),
            Map.entry(CheckType.TCP, Set.of("host", "port")),
            Map.entry(CheckType.TLS, union(TRUST, "host", "port", "server_name", "cert_expiry_days")),
            Map.entry(CheckType.DNS, Set.of("resolver", "port", "name", "record_type", "expect")),
            Map.entry(CheckType.SMTP, union(TRUST, "host", "port", "security", "helo", "auth_mechanism", "user",
                    "password")),
            Map.entry(CheckType.IMAP, union(TRUST, "host", "port", "security")),
            Map.entry(CheckType.POP3, union(TRUST, "host", "port", "security")),
            Map.entry(CheckType.ACTIVESYNC, union(TRUST, "url", "mode", "health_page", "user", "password")),
            Map.entry(CheckType.STATUSPAGE, Set.of("url", "component")),
            Map.entry(CheckType.GRAPH, Set.of("token_url", "graph_url", "client_id", "client_secret", "scope",
                    "service")),
            Map.entry(CheckType.WEBHOOK, Set.of("source")));
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.:-]{0,252})");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern JSON_PATH = Pattern.compile("[A-Za-z0-9_@$-]+(\\[\\d+])*(\\.[A-Za-z0-9_@$-]+(\\[\\d+])*)*");

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private CheckDef check(Node node, String where, String componentId, Set<String> ids) {
        if (!(node instanceof MappingNode)) {
            throw error(node, where, "expected a mapping of keys to values");
        }
        Map<String, Node> all = mapping(node, where, null);
        String typeText = text(all, "type", node, where, true);
        CheckType type = CheckType.parse(typeText).orElseThrow(() -> error(all.get("type"), where + ".type",
                "unknown check type '" + typeText + "' (expected " + CheckType.names() + ")"));
        Map<String, Node> fields = mapping(node, where, union(COMMON, OPTIONS.get(type).toArray(String[]::new)));
        String id = uniqueId(fields, node, where, ids);
        String name = text(fields, "name", node, where, false);
        Duration interval = duration(fields, "interval", where,
                type.kind() == CheckType.Kind.PULL ? Duration.ofMinutes(1) : Duration.ofSeconds(30));
        Duration timeout = duration(fields, "timeout", where, Duration.ofSeconds(10));
        Duration latencyLimit = duration(fields, "latency_limit", where, null);
        boolean probe = type.kind() == CheckType.Kind.PROBE;
        int failures = positiveInt(fields, "failures_to_down", where, probe ? 3 : 1);
        int successes = positiveInt(fields, "successes_to_up", where, probe ? 2 : 1);
        int quorum = positiveInt(fields, "quorum", where, 1);
        if (!probe && fields.containsKey("quorum")) {
            throw error(fields.get("quorum"), where + ".quorum",
                    "only probes run from several locations; a " + type.wire() + " check has no quorum");
        }
        if (type.isProbe() && timeout.compareTo(interval) > 0) {
            throw error(fields.get("timeout"), where + ".timeout", "the timeout must not exceed the interval");
        }
        String url = null;
        String method = null;
        Set<Integer> expect = Set.of();
        String bodyContains = null;
        String source = null;
        ProbeSpec spec;
        switch (type) {
            case HTTP -> {
                url = httpUrl(fields, node, where, "url");
                method = text(fields, "method", node, where, false);
                method = method == null ? "GET" : method.toUpperCase();
                if (!Set.of("GET", "HEAD", "OPTIONS", "POST").contains(method)) {
                    throw error(fields.get("method"), where + ".method",
                            "'" + method + "' is not a probe method (expected GET, HEAD, OPTIONS or POST)");
                }
                expect = statuses(fields, where);
                bodyContains = text(fields, "body_contains", node, where, false);
                spec = http(fields, node, where);
            }
            case TCP -> spec = new ProbeSpec.Endpoint(host(fields, node, where, "host"),
                    port(fields, where, "port", null, node), null, 0, ProbeSpec.Trust.SYSTEM);
            case TLS -> spec = new ProbeSpec.Endpoint(host(fields, node, where, "host"),
                    port(fields, where, "port", 443, node), optionalHost(fields, where, "server_name"),
                    days(fields, where, "cert_expiry_days", 14), trust(fields, where));
            case DNS -> spec = dns(fields, node, where);
            case SMTP, IMAP, POP3 -> spec = mail(type, fields, node, where);
            case ACTIVESYNC -> spec = activeSync(fields, node, where);
            case STATUSPAGE -> spec = new ProbeSpec.Statuspage(httpUrl(fields, node, where, "url"),
                    text(fields, "component", node, where, true));
            case GRAPH -> spec = graph(fields, node, where);
            default -> {
                source = text(fields, "source", node, where, true);
                if (!ID.matcher(source).matches()) {
                    throw error(fields.get("source"), where + ".source",
                            "'" + source + "' is not a source name (lower-case letters, digits and '-')");
                }
                spec = new ProbeSpec.None();
            }
        }
        return new CheckDef(id, name == null ? id : name, type, componentId, interval, timeout, url, method, expect,
                bodyContains, source, failures, successes, latencyLimit, quorum, spec);
    }

    private ProbeSpec.Http http(Map<String, Node> fields, Node node, String where) {
        Map<String, String> headers = new LinkedHashMap<>();
        Node headersNode = fields.get("headers");
        if (headersNode != null) {
            for (Map.Entry<String, Node> header : mapping(headersNode, where + ".headers", null).entrySet()) {
                if (!HEADER_NAME.matcher(header.getKey()).matches()) {
                    throw error(header.getValue(), where + ".headers", "'" + header.getKey() + "' is not a header name");
                }
                String value = scalar(header.getValue(), where + ".headers." + header.getKey());
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw error(header.getValue(), where + ".headers." + header.getKey(),
                            "a header value must be one line");
                }
                headers.put(header.getKey(), value);
            }
        }
        boolean follow = bool(fields, "follow_redirects", where, true);
        int maxRedirects = boundedInt(fields, "max_redirects", where, 5, 0, 20);
        String jsonPath = text(fields, "json_path", node, where, false);
        if (jsonPath != null && !JSON_PATH.matcher(jsonPath).matches()) {
            throw error(fields.get("json_path"), where + ".json_path",
                    "'" + jsonPath + "' is not a dotted path such as status or checks[0].state");
        }
        String jsonExpect = text(fields, "json_expect", node, where, false);
        if (jsonExpect != null && jsonPath == null) {
            throw error(fields.get("json_expect"), where + ".json_expect", "json_expect needs json_path");
        }
        return new ProbeSpec.Http(Map.copyOf(headers), follow, maxRedirects, jsonPath, jsonExpect,
                days(fields, where, "cert_expiry_days", 0), trust(fields, where));
    }

    private ProbeSpec.Dns dns(Map<String, Node> fields, Node node, String where) {
        String type = text(fields, "record_type", node, where, false);
        type = type == null ? "A" : type.toUpperCase();
        if (!Set.of("A", "AAAA", "MX", "TXT", "CNAME", "NS").contains(type)) {
            throw error(fields.get("record_type"), where + ".record_type",
                    "'" + type + "' is not a record type (A, AAAA, MX, TXT, CNAME or NS)");
        }
        return new ProbeSpec.Dns(host(fields, node, where, "resolver"), port(fields, where, "port", 53, node),
                host(fields, node, where, "name"), type, text(fields, "expect", node, where, false));
    }

    private ProbeSpec.Mail mail(CheckType type, Map<String, Node> fields, Node node, String where) {
        String security = text(fields, "security", node, where, false);
        security = security == null ? "starttls" : security.toLowerCase();
        if (!Set.of("plain", "starttls", "tls").contains(security)) {
            throw error(fields.get("security"), where + ".security",
                    "'" + security + "' is not plain, starttls or tls (implicit TLS)");
        }
        boolean implicit = security.equals("tls");
        int defaultPort = switch (type) {
            case SMTP -> implicit ? 465 : 587;
            case IMAP -> implicit ? 993 : 143;
            default -> implicit ? 995 : 110;
        };
        String mechanism = null;
        String user = null;
        String password = null;
        String helo = null;
        if (type == CheckType.SMTP) {
            helo = text(fields, "helo", node, where, false);
            user = text(fields, "user", node, where, false);
            password = text(fields, "password", node, where, user != null);
            mechanism = text(fields, "auth_mechanism", node, where, false);
            mechanism = mechanism == null ? "PLAIN" : mechanism.toUpperCase();
            if (!Set.of("PLAIN", "LOGIN").contains(mechanism)) {
                throw error(fields.get("auth_mechanism"), where + ".auth_mechanism",
                        "'" + mechanism + "' is not PLAIN or LOGIN");
            }
            if (password != null && user == null) {
                throw error(fields.get("password"), where + ".password", "a password needs a user");
            }
        }
        return new ProbeSpec.Mail(host(fields, node, where, "host"), port(fields, where, "port", defaultPort, node),
                security, trust(fields, where), helo, mechanism, user, password);
    }

    private ProbeSpec.ActiveSync activeSync(Map<String, Node> fields, Node node, String where) {
        String url = httpUrl(fields, node, where, "url");
        String mode = text(fields, "mode", node, where, false);
        mode = mode == null ? "options" : mode.toLowerCase();
        if (!Set.of("options", "healthcheck", "autodiscover").contains(mode)) {
            throw error(fields.get("mode"), where + ".mode", "'" + mode + "' is not options, healthcheck or autodiscover");
        }
        String page = text(fields, "health_page", node, where, false);
        page = page == null ? "activesync" : page.toLowerCase();
        if (!Set.of("activesync", "owa", "autodiscover", "ews", "mapi").contains(page)) {
            throw error(fields.get("health_page"), where + ".health_page",
                    "'" + page + "' is not activesync, owa, autodiscover, ews or mapi");
        }
        String user = text(fields, "user", node, where, mode.equals("autodiscover"));
        String password = text(fields, "password", node, where, false);
        return new ProbeSpec.ActiveSync(url, mode, page, user, password, trust(fields, where));
    }

    private ProbeSpec.Graph graph(Map<String, Node> fields, Node node, String where) {
        String graphUrl = fields.containsKey("graph_url") ? httpUrl(fields, node, where, "graph_url")
                : "https://graph.microsoft.com";
        String scope = text(fields, "scope", node, where, false);
        return new ProbeSpec.Graph(httpUrl(fields, node, where, "token_url"), stripSlash(graphUrl),
                text(fields, "client_id", node, where, true), text(fields, "client_secret", node, where, true),
                scope == null ? "https://graph.microsoft.com/.default" : scope, text(fields, "service", node, where, true));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String httpUrl(Map<String, Node> fields, Node node, String where, String key) {
        String url = text(fields, key, node, where, true);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw error(fields.get(key), where + "." + key, "'" + url + "' is not an http(s) URL");
        }
        return url;
    }

    private String host(Map<String, Node> fields, Node node, String where, String key) {
        String host = text(fields, key, node, where, true);
        if (!HOST.matcher(host).matches()) {
            throw error(fields.get(key), where + "." + key, "'" + host + "' is not a host name or address");
        }
        return host;
    }

    private String optionalHost(Map<String, Node> fields, String where, String key) {
        return fields.containsKey(key) ? host(fields, null, where, key) : null;
    }

    private int port(Map<String, Node> fields, String where, String key, Integer fallback, Node parent) {
        if (!fields.containsKey(key) && fallback == null) {
            throw error(parent, where, "'" + key + "' is missing");
        }
        return boundedInt(fields, key, where, fallback == null ? 0 : fallback, 1, 65535);
    }

    private int days(Map<String, Node> fields, String where, String key, int fallback) {
        return boundedInt(fields, key, where, fallback, 0, 365);
    }

    private ProbeSpec.Trust trust(Map<String, Node> fields, String where) {
        String trust = text(fields, "trust", null, where, false);
        String password = text(fields, "trust_password", null, where, false);
        if (trust == null || trust.equals("system")) {
            if (password != null) {
                throw error(fields.get("trust_password"), where + ".trust_password", "only a trust store has a password");
            }
            return ProbeSpec.Trust.SYSTEM;
        }
        if (trust.equals("any")) {
            return new ProbeSpec.Trust(true, null, null);
        }
        if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(trust))) {
            throw error(fields.get("trust"), where + ".trust",
                    "'" + trust + "' is not system, any, or a readable trust store file");
        }
        return new ProbeSpec.Trust(false, trust, password);
    }

    private int boundedInt(Map<String, Node> fields, String key, String where, int fallback, int min, int max) {
        Node node = fields.get(key);
        if (node == null) {
            return fallback;
        }
        String value = scalar(node, where + "." + key);
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(node, where + "." + key, "'" + value + "' is not a whole number from " + min + " to " + max);
        }
    }

    private Set<Integer> statuses(Map<String, Node> fields, String where) {
        Node node = fields.get("expect_status");
        if (node == null) {
            return Set.of(200);
        }
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        Set<Integer> statuses = new LinkedHashSet<>();
        for (Node item : items) {
            String value = scalar(item, where + ".expect_status");
            try {
                int status = Integer.parseInt(value);
                if (status < 100 || status > 599) {
                    throw new NumberFormatException();
                }
                statuses.add(status);
            } catch (NumberFormatException e) {
                throw error(item, where + ".expect_status", "'" + value + "' is not an HTTP status (100-599)");
            }
        }
        return Set.copyOf(statuses);
    }

    private Map<String, Node> mapping(Node node, String where, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, where, "expected a mapping of keys to values");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), where);
            if (allowed != null && !allowed.contains(key)) {
                throw error(tuple.getKeyNode(), where, "unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private List<Node> sequence(Node node, String where) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, where, "expected a list");
        }
        return seq.getValue();
    }

    private Node required(Map<String, Node> fields, String key, Node parent, String where) {
        Node node = fields.get(key);
        if (node == null) {
            throw error(parent, where, "'" + key + "' is missing");
        }
        return node;
    }

    private String id(Map<String, Node> fields, Node parent, String where) {
        String id = text(fields, "id", parent, where, true);
        if (!ID.matcher(id).matches()) {
            throw error(fields.get("id"), where + ".id",
                    "'" + id + "' is not an id (lower-case letters, digits and '-', at most 63)");
        }
        return id;
    }

    private String uniqueId(Map<String, Node> fields, Node parent, String where, Set<String> ids) {
        String id = id(fields, parent, where);
        if (!ids.add(id)) {
            throw error(fields.get("id"), where + ".id", "id '" + id + "' is already used in this catalog");
        }
        return id;
    }

    private String text(Map<String, Node> fields, String key, Node parent, String where, boolean required) {
        Node node = fields.get(key);
        if (node == null) {
            if (required) {
                throw error(parent, where, "'" + key + "' is missing");
            }
            return null;
        }
        String value = scalar(node, where + "." + key);
        if (required && value.isBlank()) {
            throw error(node, where + "." + key, "must not be empty");
        }
        return value;
    }

    private String scalar(Node node, String where) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, where, "expected a single value");
        }
        return substitute(scalar.getValue(), node, where);
    }

    private String substitute(String value, Node node, String where) {
        Matcher m = PLACEHOLDER.matcher(value);
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

    private boolean bool(Map<String, Node> fields, String key, String where, boolean fallback) {
        Node node = fields.get(key);
        if (node == null) {
            return fallback;
        }
        String value = scalar(node, where + "." + key);
        if (!value.equals("true") && !value.equals("false")) {
            throw error(node, where + "." + key, "'" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value);
    }

    private int positiveInt(Map<String, Node> fields, String key, String where, int fallback) {
        Node node = fields.get(key);
        if (node == null) {
            return fallback;
        }
        String value = scalar(node, where + "." + key);
        try {
            int number = Integer.parseInt(value);
            if (number < 1 || number > 1000) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(node, where + "." + key, "'" + value + "' is not a whole number from 1 to 1000");
        }
    }

    private Duration duration(Map<String, Node> fields, String key, String where, Duration fallback) {
        Node node = fields.get(key);
        if (node == null) {
            return fallback;
        }
        String value = scalar(node, where + "." + key);
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw error(node, where + "." + key, "'" + value + "' is not a duration (use for example 500ms, 30s, 5m, 1h)");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private CatalogException error(Node node, String where, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new CatalogException(fileName + ":" + line + ": " + where + ": " + problem);
    }
}
