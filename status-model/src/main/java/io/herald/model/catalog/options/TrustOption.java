package io.herald.model.catalog.options;

import io.herald.model.catalog.Fields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The {@code trust} and {@code trust_password} keys every TLS-speaking type shares: system, any, or a store file. */
public final class TrustOption {
    public static final Set<String> KEYS = Set.of("trust", "trust_password");

    private TrustOption() {
    }

    public static Trust read(Fields fields) {
        String trust = fields.text("trust");
        String password = fields.text("trust_password");
        if (trust == null || trust.equals("system")) {
            if (password != null) {
                throw fields.error("trust_password", "only a trust store has a password");
            }
            return Trust.SYSTEM;
        }
        if (trust.equals("any")) {
            return new Trust(true, null, null);
        }
        if (!Files.isReadable(Path.of(trust))) {
            throw fields.error("trust", "'" + trust + "' is not system, any, or a readable trust store file");
        }
        return new Trust(false, trust, password);
    }
}
