package io.herald.ingest.probe.imap;

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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.imap.IMAPSClient;

/**
 * {@code type: imap}: checks an IMAP server: "* OK" greeting, CAPABILITY listing IMAP4rev1, optional STARTTLS,
 * LOGOUT, in the dialogue every mailbox probe shares.
 */
@Singleton
public final class ImapProbe implements CheckProbe {

    private final MailboxDialogue<IMAPClient> dialogue;

    public ImapProbe(Vertx vertx) {
        this.dialogue = new MailboxDialogue<>(new BlockingProbeRunner(vertx), new Imap());
    }

    @Override
    public String type() {
        return "imap";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        MailboxOptions options = check.options(MailboxOptions.class);
        return probe(new ImapTarget(options.host(), options.port(), check.timeout(),
                MailSecurity.of(options.security()), TlsTrust.of(options.trust())));
    }

    public Uni<ProbeResult> probe(ImapTarget target) {
        return dialogue.probe(target);
    }

    private static final class Imap implements MailboxDialogue.Protocol<IMAPClient> {
        private static final Words WORDS = new Words("IMAP", "* OK", "CAPABILITY", "STARTTLS", "LOGOUT");
        private static final String REVISION = "IMAP4REV1";

        @Override
        public Words words() {
            return WORDS;
        }

        @Override
        public boolean greets(String reply) {
            return reply.startsWith("* OK") || reply.startsWith("* PREAUTH");
        }

        @Override
        public IMAPClient plainClient() {
            return new IMAPClient();
        }

        @Override
        public IMAPClient tlsClient(boolean implicit, SSLContext context, boolean verifyPeer) {
            IMAPSClient client = new IMAPSClient("TLS", implicit, context);
            client.setEndpointCheckingEnabled(verifyPeer);
            return client;
        }

        @Override
        public String replyString(IMAPClient client) {
            return client.getReplyString();
        }

        /** The words of every untagged CAPABILITY line. */
        @Override
        public Set<String> capabilities(IMAPClient client) throws IOException {
            if (!client.capability()) {
                return Set.of();
            }
            return Arrays.stream(client.getReplyStrings())
                    .filter(line -> line.toUpperCase(Locale.ROOT).startsWith("* CAPABILITY "))
                    .flatMap(line -> Arrays.stream(line.substring("* CAPABILITY ".length()).trim().split("\\s+")))
                    .map(word -> word.toUpperCase(Locale.ROOT))
                    .collect(Collectors.toSet());
        }

        @Override
        public boolean startTls(IMAPClient client) throws IOException {
            return ((IMAPSClient) client).execTLS();
        }

        @Override
        public void logout(IMAPClient client) throws IOException {
            client.logout();
        }

        @Override
        public Optional<String> lacking(Set<String> capabilities, boolean afterTls) {
            return capabilities.contains(REVISION) ? Optional.empty()
                    : Optional.of("IMAP CAPABILITY " + (afterTls ? "after STARTTLS " : "") + "lacks IMAP4rev1");
        }

        @Override
        public String noted(Set<String> capabilities) {
            return "IMAP4rev1";
        }
    }
}
