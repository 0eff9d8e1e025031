package io.herald.ingest.probe.pop3;

import io.herald.ingest.probe.BlockingProbeRunner;
import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.Conversation;
import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.MailboxOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3SClient;

/**
 * {@code type: pop3}: checks a POP3 server: "+OK" greeting, CAPA, optional STLS, QUIT; commons-net's blocking client runs on a Vert.x
 * worker thread.
 */
@Singleton
public final class Pop3Probe implements CheckProbe {

    private final BlockingProbeRunner runner;

    public Pop3Probe(Vertx vertx) {
        this.runner = new BlockingProbeRunner(vertx);
    }

    @Override
    public String type() {
        return "pop3";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        MailboxOptions options = check.options(MailboxOptions.class);
        return probe(new Pop3Target(options.host(), options.port(), check.timeout(), MailSecurity.of(options.security()),
                TlsTrust.of(options.trust())));
    }

    public Uni<ProbeResult> probe(Pop3Target target) {
        return runner.run(() -> converse(target));
    }

    private ProbeResult converse(Pop3Target target) {
        Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
        POP3Client client = newClient(target);
        int timeoutMs = (int) target.timeout().toMillis();
        client.setConnectTimeout(timeoutMs);
        client.setDefaultTimeout(timeoutMs);
        List<String> done = new ArrayList<>();
        try {
            boolean implicit = target.security() == MailSecurity.IMPLICIT_TLS;
            conversation.waitingFor(implicit ? "the TLS handshake and greeting" : "the greeting");
            client.connect(target.host(), target.port());
            String greeting = reply(client);
            if (!greeting.startsWith("+OK")) {
                return conversation.down("POP3 greeting was not +OK: " + greeting);
            }
            done.add(implicit ? "TLS greeting +OK" : "greeting +OK");

            conversation.waitingFor("the CAPA reply");
            Set<String> capabilities = capabilities(client);
            done.add(capabilities.isEmpty() ? "no CAPA" : "CAPA");

            if (target.security() == MailSecurity.STARTTLS) {
                if (!capabilities.contains("STLS")) {
                    return conversation.down("STLS not listed in the POP3 CAPA of " + conversation.endpoint());
                }
                conversation.waitingFor("the STLS reply and TLS handshake");
                if (!((POP3SClient) client).execTLS()) {
                    return conversation.down("STLS refused: " + reply(client));
                }
                conversation.waitingFor("the CAPA reply after STLS");
                capabilities(client);
                done.add("STLS");
            }

            conversation.waitingFor("the QUIT reply");
            client.logout();
            return conversation.up("POP3 " + conversation.endpoint() + " OK: " + String.join(", ", done));
        } catch (Exception e) {
            return conversation.failed(e);
        } finally {
            disconnect(client);
        }
    }

    private static POP3Client newClient(Pop3Target target) {
        if (target.security() == MailSecurity.PLAIN) {
            return new POP3Client();
        }
        POP3SClient client = new POP3SClient(
                "TLS", target.security() == MailSecurity.IMPLICIT_TLS, target.trust().sslContext());
        client.setEndpointCheckingEnabled(target.trust().verifiesPeer());
        return client;
    }

    /** The first word of each CAPA line, upper-cased; empty when the server does not know CAPA. */
    private static Set<String> capabilities(POP3Client client) throws IOException {
        if (!client.capa()) {
            return Set.of();
        }
        return Arrays.stream(client.getReplyStrings())
                .skip(1)
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.equals("."))
                .map(line -> line.split("\\s+")[0].toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static String reply(POP3Client client) {
        String reply = client.getReplyString();
        return reply == null ? "(no reply)" : reply.trim().replaceAll("\\s*\\r?\\n\\s*", " ");
    }

    private static void disconnect(POP3Client client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException ignored) {
            // The verdict is already made; a failing close changes nothing for the person reading it.
        }
    }
}
