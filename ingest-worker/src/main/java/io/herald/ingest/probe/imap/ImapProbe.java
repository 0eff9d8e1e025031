package io.herald.ingest.probe.imap;

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
import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.imap.IMAPSClient;

/**
 * {@code type: imap}: checks an IMAP server: "* OK" greeting, CAPABILITY listing IMAP4rev1, optional STARTTLS, LOGOUT; commons-net's
 * blocking client runs on a Vert.x worker thread.
 */
@Singleton
public final class ImapProbe implements CheckProbe {

    private final BlockingProbeRunner runner;

    public ImapProbe(Vertx vertx) {
        this.runner = new BlockingProbeRunner(vertx);
    }

    @Override
    public String type() {
        return "imap";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        MailboxOptions options = check.options(MailboxOptions.class);
        return probe(new ImapTarget(options.host(), options.port(), check.timeout(), MailSecurity.of(options.security()),
                TlsTrust.of(options.trust())));
    }

    public Uni<ProbeResult> probe(ImapTarget target) {
        return runner.run(() -> converse(target));
    }

    private ProbeResult converse(ImapTarget target) {
        Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
        IMAPClient client = newClient(target);
        int timeoutMs = (int) target.timeout().toMillis();
        client.setConnectTimeout(timeoutMs);
        client.setDefaultTimeout(timeoutMs);
        List<String> done = new ArrayList<>();
        try {
            boolean implicit = target.security() == MailSecurity.IMPLICIT_TLS;
            conversation.waitingFor(implicit ? "the TLS handshake and greeting" : "the greeting");
            client.connect(target.host(), target.port());
            String greeting = reply(client);
            if (!greeting.startsWith("* OK") && !greeting.startsWith("* PREAUTH")) {
                return conversation.down("IMAP greeting was not * OK: " + greeting);
            }
            done.add(implicit ? "TLS greeting * OK" : "greeting * OK");

            conversation.waitingFor("the CAPABILITY reply");
            Set<String> capabilities = capabilities(client);
            if (!capabilities.contains("IMAP4REV1")) {
                return conversation.down("IMAP CAPABILITY lacks IMAP4rev1");
            }
            done.add("IMAP4rev1");

            if (target.security() == MailSecurity.STARTTLS) {
                if (!capabilities.contains("STARTTLS")) {
                    return conversation.down("STARTTLS not listed in the IMAP CAPABILITY of " + conversation.endpoint());
                }
                conversation.waitingFor("the STARTTLS reply and TLS handshake");
                if (!((IMAPSClient) client).execTLS()) {
                    return conversation.down("STARTTLS refused: " + reply(client));
                }
                conversation.waitingFor("the CAPABILITY reply after STARTTLS");
                if (!capabilities(client).contains("IMAP4REV1")) {
                    return conversation.down("IMAP CAPABILITY after STARTTLS lacks IMAP4rev1");
                }
                done.add("STARTTLS");
            }

            conversation.waitingFor("the LOGOUT reply");
            client.logout();
            return conversation.up("IMAP " + conversation.endpoint() + " OK: " + String.join(", ", done));
        } catch (Exception e) {
            return conversation.failed(e);
        } finally {
            disconnect(client);
        }
    }

    private static IMAPClient newClient(ImapTarget target) {
        if (target.security() == MailSecurity.PLAIN) {
            return new IMAPClient();
        }
        IMAPSClient client = new IMAPSClient(
                "TLS", target.security() == MailSecurity.IMPLICIT_TLS, target.trust().sslContext());
        client.setEndpointCheckingEnabled(target.trust().verifiesPeer());
        return client;
    }

    /** The words of every untagged CAPABILITY line, upper-cased; empty when the command failed. */
    private static Set<String> capabilities(IMAPClient client) throws IOException {
        if (!client.capability()) {
            return Set.of();
        }
        return Arrays.stream(client.getReplyStrings())
                .filter(line -> line.toUpperCase(Locale.ROOT).startsWith("* CAPABILITY "))
                .flatMap(line -> Arrays.stream(line.substring("* CAPABILITY ".length()).trim().split("\\s+")))
                .map(word -> word.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static String reply(IMAPClient client) {
        String reply = client.getReplyString();
        return reply == null ? "(no reply)" : reply.trim().replaceAll("\\s*\\r?\\n\\s*", " ");
    }

    private static void disconnect(IMAPClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException ignored) {
            // The verdict is already made; a failing close changes nothing for the person reading it.
        }
    }
}
