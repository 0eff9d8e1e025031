package io.herald.ingest.webhook.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs exactly as each sender does, with the JDK directly, so the tests do not lean on the code under test. */
final class Signing {

    private Signing() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String hmacHex(String secret, byte[] message) {
        return HexFormat.of().formatHex(hmacSha256(utf8(secret), message));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(text)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Standard Webhooks: "v1," + base64(HMAC(base64decode(secret without whsec_), id.timestamp.body)). */
    static String standardWebhooksSignature(String secret, String id, String timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] signed = concat(utf8(id + "." + timestamp + "."), body);
        return "v1," + Base64.getEncoder().encodeToString(hmacSha256(key, signed));
    }
}
