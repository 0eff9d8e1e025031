package io.herald.ingest.webhook.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sender payloads from src/test/resources/payloads/<sender>/<name>.json, as raw bytes or edited. */
final class Payloads {

    static final Instant NOW = Instant.parse("2025-03-04T08:20:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Payloads() {
    }

    static byte[] read(String sender, String name) {
        String path = "/payloads/" + sender + "/" + name + ".json";
        try (InputStream in = Payloads.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload with one change applied, for the one-field-wrong cases. */
    static byte[] edit(String sender, String name, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(read(sender, name));
            change.accept(root);
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex HMAC-SHA256, as Grafana and PagerDuty sign. */
    static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The headers a Standard Webhooks sender adds: v1 = base64 HMAC-SHA256 over id.timestamp.body. */
    static Map<String, String> standardWebhooks(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(body));
            return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", "v1," + signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }
}
