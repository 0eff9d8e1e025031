package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: smtp}: host, port (587, 465 with tls), security, helo, and AUTH with user and password. */
public final class SmtpOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("smtp", CheckType.Kind.PROBE);
    private static final Set<String> KEYS = OptionKeys.of(MailSecurityOption.KEYS, "helo", "auth_mechanism", "user",
            "password");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "LOGIN");

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
        String security = MailSecurityOption.read(fields);
        String helo = fields.text("helo");
        String user = fields.text("user");
        String password = user != null ? fields.required("password") : fields.text("password");
        String mechanism = fields.choice("auth_mechanism", "PLAIN", Fields.UPPER, MECHANISMS, "PLAIN or LOGIN");
        if (password != null && user == null) {
            throw fields.error("password", "a password needs a user");
        }
        return new SmtpOptions(fields.host("host"), MailSecurityOption.port(fields, security, 587, 465), security,
                TrustOption.read(fields), helo, mechanism, user, password);
    }
}
