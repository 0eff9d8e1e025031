package io.herald.ingest.probe.smtp;

import io.herald.ingest.probe.BlockingProbeRunner;
import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.Conversation;
import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.SmtpOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.SMTPReply;

/**
 * {@code type: smtp}: walks an SMTP server through greeting, EHLO, optional STARTTLS (then EHLO again), optional AUTH and QUIT with
 * commons-net's blocking client on a Vert.x worker thread.
 */
@Singleton
public final class SmtpProbe implements CheckProbe {

    private final BlockingProbeRunner runner;

    public SmtpProbe(Vertx vertx) {
        this.runner = new BlockingProbeRunner(vertx);
    }

    @Override
    public String type() {
        return "smtp";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        SmtpOptions options = check.options(SmtpOptions.class);
        SmtpAuth auth = options.user() == null ? null : new SmtpAuth(
                SmtpAuth.Mechanism.valueOf(options.authMechanism()), options.user(), options.password());
        return probe(new SmtpTarget(options.host(), options.port(), check.timeout(),
                MailSecurity.of(options.security()), TlsTrust.of(options.trust()), options.heloName(), auth));
    }

    public Uni<ProbeResult> probe(SmtpTarget target) {
        return runner.run(() -> converse(target));
    }

    private ProbeResult converse(SmtpTarget target) {
        Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
        AuthenticatingSMTPClient client = newClient(target);
        int timeoutMs = (int) target.timeout().toMillis();
        client.setConnectTimeout(timeoutMs);
        client.setDefaultTimeout(timeoutMs);
        List<String> done = new ArrayList<>();
        try {
            boolean implicit = target.security() == MailSecurity.IMPLICIT_TLS;
            conversation.waitingFor(implicit ? "the TLS handshake and greeting" : "the greeting");
            client.connect(target.host(), target.port());
            if (client.getReplyCode() != 220) {
                return conversation.down("greeting was not 220: " + reply(client));
            }
            done.add(implicit ? "TLS greeting 220" : "greeting 220");

            conversation.waitingFor("the EHLO reply");
            if (!SMTPReply.isPositiveCompletion(client.ehlo(target.heloName()))) {
                return conversation.down("EHLO refused: " + reply(client));
            }
            List<String> extensions = extensions(client);
            done.add("EHLO");

            if (target.security() == MailSecurity.STARTTLS) {
                if (!offers(extensions, "STARTTLS")) {
                    return conversation.down("STARTTLS not offered in the EHLO reply of " + conversation.endpoint());
                }
                conversation.waitingFor("the STARTTLS reply and TLS handshake");
                if (!client.execTLS()) {
                    return conversation.down("STARTTLS refused: " + reply(client));
                }
                conversation.waitingFor("the EHLO reply after STARTTLS");
                if (!SMTPReply.isPositiveCompletion(client.ehlo(target.heloName()))) {
                    return conversation.down("EHLO after STARTTLS refused: " + reply(client));
                }
                extensions = extensions(client);
                done.add("STARTTLS");
            }

            if (target.auth() != null) {
                SmtpAuth auth = target.auth();
                if (!offersAuth(extensions, auth.mechanism())) {
                    return conversation.down("AUTH " + auth.mechanism() + " not offered in the EHLO reply of "
                            + conversation.endpoint());
                }
                conversation.waitingFor("the AUTH reply");
                boolean accepted = client.auth(
                        AuthenticatingSMTPClient.AUTH_METHOD.valueOf(auth.mechanism().name()), auth.user(), auth.password());
                if (!accepted) {
                    return conversation.down("AUTH rejected: " + reply(client));
                }
                done.add("AUTH " + auth.mechanism());
            }

            conversation.waitingFor("the QUIT reply");
            client.logout();
            return conversation.up("SMTP " + conversation.endpoint() + " OK: " + String.join(", ", done));
        } catch (Exception e) {
            return conversation.failed(e);
        } finally {
            disconnect(client);
        }
    }

    private static AuthenticatingSMTPClient newClient(SmtpTarget target) {
        if (target.security() == MailSecurity.PLAIN) {
            return new AuthenticatingSMTPClient();
        }
        AuthenticatingSMTPClient client = new AuthenticatingSMTPClient(
                target.security() == MailSecurity.IMPLICIT_TLS, target.trust().sslContext());
        client.setEndpointCheckingEnabled(target.trust().verifiesPeer());
        return client;
    }

    /** EHLO lines without their "250-" / "250 " prefix, upper-cased. */
    private static List<String> extensions(AuthenticatingSMTPClient client) {
        return Arrays.stream(client.getReplyStrings())
                .map(line -> line.length() > 4 ? line.substring(4) : "")
                .map(line -> line.trim().toUpperCase(Locale.ROOT))
                .toList();
    }

    private static boolean offers(List<String> extensions, String keyword) {
        return extensions.stream().anyMatch(line -> line.equals(keyword) || line.startsWith(keyword + " "));
    }

    private static boolean offersAuth(List<String> extensions, SmtpAuth.Mechanism mechanism) {
        return extensions.stream()
                .filter(line -> line.startsWith("AUTH ") || line.startsWith("AUTH="))
                .anyMatch(line -> Arrays.asList(line.substring(5).split(" ")).contains(mechanism.name()));
    }

    private static String reply(AuthenticatingSMTPClient client) {
        String reply = client.getReplyString();
        return reply == null ? "(no reply)" : reply.trim().replaceAll("\\s*\\r?\\n\\s*", " ");
    }

    private static void disconnect(AuthenticatingSMTPClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException ignored) {
            // The verdict is already made; a failing close changes nothing for the person reading it.
        }
    }
}
