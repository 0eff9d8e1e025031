package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Field;
import io.herald.model.catalog.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code type: webhook}: the source and the sender's subjects for the check, {@code subjects: ["Outlook on the
 * web", "OWA down"]} (one subject may be written without the list). A subject names one check of its source: two
 * checks claiming it, or a subject that is another check's id, is an error naming both.
 */
public final class WebhookOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("webhook", CheckType.Kind.PUSH);
    private static final Set<String> KEYS = Set.of("source", "subjects");

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
        String source = fields.required("source");
        if (!Fields.isId(source)) {
            throw fields.error("source", "'" + source + "' is not a source name (lower-case letters, digits and '-')");
        }
        SubjectClaims claims = fields.perCatalog(SubjectClaims.class, SubjectClaims::new);
        claims.claim(source, checkId, checkId, fields.field("id"), true);
        List<String> subjects = new ArrayList<>();
        for (Field item : fields.list("subjects")) {
            String subject = item.text().strip();
            if (subject.isEmpty()) {
                throw item.error("a subject must not be empty");
            }
            if (subjects.contains(subject)) {
                throw item.error("'" + subject + "' is listed twice");
            }
            claims.claim(source, subject, checkId, item, false);
            subjects.add(subject);
        }
        return new WebhookOptions(source, subjects);
    }
}
