package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: activesync}: url, mode (options), health_page (activesync), user (autodiscover needs one), password. */
public final class ActiveSyncOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("activesync", CheckType.Kind.PROBE);
    private static final Set<String> KEYS = OptionKeys.of(TrustOption.KEYS, "url", "mode", "health_page", "user",
            "password");
    private static final Set<String> MODES = Set.of("options", "healthcheck", "autodiscover");
    private static final Set<String> PAGES = Set.of("activesync", "owa", "autodiscover", "ews", "mapi");

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
        String url = fields.httpUrl("url");
        String mode = fields.choice("mode", "options", Fields.LOWER, MODES, "options, healthcheck or autodiscover");
        String page = fields.choice("health_page", "activesync", Fields.LOWER, PAGES,
                "activesync, owa, autodiscover, ews or mapi");
        String user = mode.equals("autodiscover") ? fields.required("user") : fields.text("user");
        return new ActiveSyncOptions(url, mode, page, user, fields.text("password"), TrustOption.read(fields));
    }
}
