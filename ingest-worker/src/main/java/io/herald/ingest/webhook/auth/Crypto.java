package io.herald.ingest.webhook.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Digests, HMACs and constant-time comparison, all over bytes. */
final class Crypto {

    private Crypto() {
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Empty when the text is not hex; never echoes the text. */
    static Optional<byte[]> hex(String text) {
        try {
            return Optional.of(HexFormat.of().parseHex(text.trim().toLowerCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A stored SHA-256 in hex, checked once at configuration time. */
    static byte[] storedSha256(String hex, String what) {
        if (hex == null) {
            throw new IllegalArgumentException(what + " is not set");
        }
        byte[] digest = hex(hex).orElseThrow(() -> new IllegalArgumentException(what + " must be a SHA-256 in hex"));
        if (digest.length != 32) {
            throw new IllegalArgumentException(what + " must be a SHA-256 in hex (64 characters)");
        }
        return digest;
    }

    /**
     * True if any presented value equals any expected one. Every pair is compared, so the time taken does not
     * depend on which one matched.
     */
    static boolean anyMatches(List<byte[]> expected, List<byte[]> presented) {
        boolean matched = false;
        for (byte[] want : expected) {
            for (byte[] got : presented) {
                matched |= MessageDigest.isEqual(want, got);
            }
        }
        return matched;
    }
}
