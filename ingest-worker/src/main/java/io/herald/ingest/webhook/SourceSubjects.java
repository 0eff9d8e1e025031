package io.herald.ingest.webhook;

import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.WebhookOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which webhook check of one source each of the sender's subjects stands for: a check's id, then the
 * {@code subjects} the catalog lists for it (the catalog has already refused a subject claimed twice), then the
 * deprecated property form {@code herald.ingest.sources."<name>".checks."<subject>"=<check id>}, which still works
 * (and wins over a check id, as it always did) and is answered with a warning showing the catalog line to write.
 *
 * @param subjects     subject -> check
 * @param deprecations one warning per check still mapped in properties
 */
record SourceSubjects(Map<String, CheckDef> subjects, List<String> deprecations) {

    /** @param property the source's property prefix, such as {@code herald.ingest.sources."prom".} */
    static SourceSubjects of(String source, String property, Map<String, String> fromProperties, Catalog catalog) {
        Map<String, CheckDef> subjects = new HashMap<>();
        Map<String, CheckDef> listed = new HashMap<>();
        for (CheckDef check : catalog.checks().values()) {
            webhook(check, source).ifPresent(hook -> {
                subjects.put(check.id(), check);
                hook.subjects().forEach(subject -> listed.put(subject, check));
            });
        }
        subjects.putAll(listed);

        Map<CheckDef, List<String>> moved = new LinkedHashMap<>();
        List<String> deprecations = new ArrayList<>();
        new TreeMap<>(fromProperties).forEach((subject, checkId) -> {
            String key = property + "checks.\"" + subject + "\"";
            CheckDef check = catalog.check(checkId.trim()).filter(c -> webhook(c, source).isPresent())
                    .orElseThrow(() -> new IllegalStateException(key + ": '" + checkId + "' is not a webhook check of "
                            + "source '" + source + "' in the catalog" + hint(subject, checkId)));
            CheckDef inCatalog = listed.get(subject);
            if (inCatalog != null && !inCatalog.id().equals(check.id())) {
                throw new IllegalStateException(key + ": the catalog lists subject '" + subject + "' under check '"
                        + inCatalog.id() + "', not '" + check.id() + "'; remove this property");
            }
            if (inCatalog != null) {
                deprecations.add(key + " is deprecated and already in the catalog (check '" + check.id()
                        + "'); remove it");
                return;
            }
            subjects.put(subject, check);
            moved.computeIfAbsent(check, c -> new ArrayList<>()).add(subject);
        });
        moved.forEach((check, names) -> deprecations.add(deprecation(property, check, names)));
        return new SourceSubjects(Map.copyOf(subjects), List.copyOf(deprecations));
    }

    private static Optional<WebhookOptions> webhook(CheckDef check, String source) {
        return check.options() instanceof WebhookOptions hook && hook.source().equals(source)
                ? Optional.of(hook) : Optional.empty();
    }

    private static String deprecation(String property, CheckDef check, List<String> names) {
        List<String> all = new ArrayList<>(check.options(WebhookOptions.class).subjects());
        all.addAll(names);
        String keys = names.stream().map(name -> property + "checks.\"" + name + "\"")
                .collect(Collectors.joining(", "));
        return "Deprecated: " + keys + " map" + (names.size() == 1 ? "s" : "") + " a subject in properties. "
                + "Write it in the catalog instead, on check '" + check.id() + "': subjects: "
                + all.stream().map(SourceSubjects::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(String subject) {
        return "\"" + subject.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // A properties file ends a key at its first unescaped space: checks."Outlook on the web"=x arrives as
    // subject "Outlook with value on the web"=x.
    private static String hint(String subject, String checkId) {
        return subject.contains("\"") || checkId.strip().contains(" ") || checkId.contains("=")
                ? " (a subject with spaces cannot be written unescaped in a properties file; list it under the "
                        + "check's subjects in the catalog)"
                : "";
    }
}
