package io.herald.ingest.probe.smtp;

import io.herald.ingest.probe.Secret;
import java.util.Objects;

/** Credentials the SMTP probe logs in with after EHLO (and after STARTTLS in that mode). */
public record SmtpAuth(Mechanism mechanism, String user, String password) {

    public enum Mechanism {
        PLAIN, LOGIN
    }

    public SmtpAuth {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "SmtpAuth[mechanism=" + mechanism + ", user=" + user + ", password=" + Secret.mask(password) + "]";
    }
}
