package io.herald.ingest.probe.pop3;

import io.herald.ingest.probe.BlockingProbeRunner;
import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.MailboxDialogue;
import io.herald.ingest.probe.MailboxDialogue.Words;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.MailboxOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3SClient;

/**
 * {@code type: pop3}: checks a POP3 server: "+OK" greeting, CAPA, optional STLS, QUIT, in the dialogue every mailbox
 * probe shares.
 */
@Singleton
public final class Pop3Probe implements CheckProbe {

    private final MailboxDialogue<POP3Client> dialogue;

    public Pop3Probe(Vertx vertx) {
        this.dialogue = new MailboxDialogue<>(new BlockingProbeRunner(vertx), new Pop3());
    }

    @Override
    public String type() {
        return "pop3";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        MailboxOptions options = check.options(MailboxOptions.class);
        return probe(new Pop3Target(options.host(), options.port(), check.timeout(),
                MailSecurity.of(options.security()), TlsTrust.of(options.trust())));
    }

    public Uni<ProbeResult> probe(Pop3Target target) {
        return dialogue.probe(target);
    }

    private static final class Pop3 implements MailboxDialogue.Protocol<POP3Client> {
        private static final Words WORDS = new Words("POP3", "+OK", "CAPA", "STLS", "QUIT");

        @Override
        public Words words() {
            return WORDS;
        }

        @Override
        public POP3Client plainClient() {
            return new POP3Client();
        }

        @Override
        public POP3Client tlsClient(boolean implicit, SSLContext context, boolean verifyPeer) {
            POP3SClient client = new POP3SClient("TLS", implicit, context);
            client.setEndpointCheckingEnabled(verifyPeer);
            return client;
        }

        @Override
        public String replyString(POP3Client client) {
            return client.getReplyString();
        }

        /** The first word of each CAPA line; empty when the server does not know CAPA. */
        @Override
        public Set<String> capabilities(POP3Client client) throws IOException {
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

        @Override
        public boolean startTls(POP3Client client) throws IOException {
            return ((POP3SClient) client).execTLS();
        }

        @Override
        public void logout(POP3Client client) throws IOException {
            client.logout();
        }

        // CAPA is optional in POP3 (RFC 2449): a server without it still works.
        @Override
        public String noted(Set<String> capabilities) {
            return capabilities.isEmpty() ? "no CAPA" : "CAPA";
        }
    }
}
