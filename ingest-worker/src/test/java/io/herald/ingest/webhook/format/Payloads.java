package io.herald.ingest.webhook.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

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

    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }
}
