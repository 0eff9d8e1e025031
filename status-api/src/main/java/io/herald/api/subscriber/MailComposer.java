package io.herald.api.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.catalog.Catalog;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** The plain-text mails subscribers get; every one carries an unsubscribe link (also as List-Unsubscribe). */
@ApplicationScoped
public class MailComposer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Catalog catalog;
    private final SubscriberConfig config;

    public MailComposer(Catalog catalog, SubscriberConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    public Mail confirmation(String address, String confirmToken, String unsubscribeToken) {
        String page = catalog.page().name();
        String text = """
                Someone, probably you, asked to be told by mail about %s.

                To confirm, open this link:
                %s

                If it was not you, ignore this mail: nothing will be sent without the confirmation.
                """.formatted(page, link("confirm", confirmToken));
        return withUnsubscribe(Mail.withText(address, "[" + page + "] Confirm your subscription", text),
                unsubscribeToken);
    }

    public Mail notification(DeliveryJob job) {
        String page = catalog.page().name();
        String words = NotificationType.fromWire(job.type()).map(NotificationType::words).orElse(job.type());
        StringBuilder text = new StringBuilder(words).append(" on ").append(page).append(" at ")
                .append(job.occurredAt()).append("\n\n");
        String title = describe(job.payloadJson(), text);
        String subject = "[" + page + "] " + words + (title == null ? "" : ": " + title);
        text.append("\nStatus page: ").append(catalog.page().url()).append('\n');
        return withUnsubscribe(Mail.withText(job.target(), subject, text.toString()), job.unsubscribeToken());
    }

    public String link(String action, String token) {
        return config.publicUrl().replaceAll("/+$", "") + "/api/v1/subscribers/" + action + "?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private Mail withUnsubscribe(Mail mail, String unsubscribeToken) {
        String unsubscribe = link("unsubscribe", unsubscribeToken);
        mail.setText(mail.getText() + "\n--\nTo stop these mails: " + unsubscribe + "\n");
        mail.setFrom(config.mailFrom());
        mail.addHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mail;
    }

    /** Writes the payload's fields as "name: value" lines; returns its name or title, if it has one. */
    private static String describe(String payloadJson, StringBuilder text) {
        try {
            JsonNode payload = JSON.readTree(payloadJson);
            Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                text.append(field.getKey()).append(": ")
                        .append(value.isValueNode() ? value.asText() : value.toString()).append('\n');
            }
            JsonNode name = payload.hasNonNull("name") ? payload.get("name") : payload.get("title");
            return name == null ? null : name.asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
