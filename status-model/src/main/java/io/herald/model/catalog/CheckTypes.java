package io.herald.model.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The registered check types by wire name, in registration order (the order error messages list them in). */
final class CheckTypes {
    private static final Map<String, CheckOptionsParser> PARSERS = load();

    private CheckTypes() {
    }

    static Optional<CheckOptionsParser> find(String wire) {
        return Optional.ofNullable(PARSERS.get(wire.toLowerCase(Locale.ROOT)));
    }

    static String names() {
        return String.join(", ", PARSERS.keySet());
    }

    private static Map<String, CheckOptionsParser> load() {
        Map<String, CheckOptionsParser> parsers = new LinkedHashMap<>();
        for (CheckOptionsParser parser : ServiceLoader.load(CheckOptionsParser.class,
                CheckOptionsParser.class.getClassLoader())) {
            String wire = parser.type().wire().toLowerCase(Locale.ROOT);
            CheckOptionsParser other = parsers.putIfAbsent(wire, parser);
            if (other != null) {
                throw new IllegalStateException("check type '" + wire + "' is registered twice: by "
                        + other.getClass().getName() + " and " + parser.getClass().getName());
            }
        }
        if (parsers.isEmpty()) {
            throw new IllegalStateException("no check type is registered: META-INF/services/"
                    + CheckOptionsParser.class.getName() + " is missing from the class path");
        }
        return Collections.unmodifiableMap(parsers);
    }
}
