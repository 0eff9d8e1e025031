package io.herald.system.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The help desk's webhook receiver: it checks each delivery as a Standard Webhooks consumer does (webhook-id,
 * webhook-timestamp and a v1 HMAC-SHA256 signature over id.timestamp.body with the subscription's secret), keeps
 * the verified ones with the time they arrived, and counts any delivery it had to refuse.
 */
final class HelpDesk implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(long receivedNanos, String id, JsonNode body) {
        String type() {
            return body.path("type").asText();
        }
    }

    private final HttpServer server;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile byte[] key;

    HelpDesk() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/herald", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/herald";
    }

    /** The subscription's secret ({@code whsec_<base64>}), as status-api gave it once. */
    void secret(String secret) {
        key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
    }

    List<Delivery> since(int index) {
        return deliveries.subList(Math.min(index, deliveries.size()), deliveries.size());
    }

    private void receive(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (id == null || timestamp == null || signature == null || key == null
                || !verified(id, timestamp, body, signature)) {
            refused.add(id + " " + timestamp + " " + signature);
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        boolean again = deliveries.stream().anyMatch(d -> d.id().equals(id));
        if (!again) {
            deliveries.add(new Delivery(now, id, JSON.readTree(body)));
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean verified(String id, String timestamp, byte[] body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                    .getBytes(StandardCharsets.UTF_8);
            for (String candidate : signature.split(" ")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
