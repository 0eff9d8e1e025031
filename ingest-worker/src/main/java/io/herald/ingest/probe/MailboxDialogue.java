package io.herald.ingest.probe;

import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.apache.commons.net.SocketClient;

/**
 * The dialogue IMAP and POP3 probes share, with commons-net's blocking clients on a Vert.x worker thread: connect
 * (with TLS from the first byte when asked), judge the greeting, list the capabilities, upgrade in-band
 * (STARTTLS, STLS) when asked, log out, and close without letting the close change the verdict. Each result names
 * what the probe was waiting for when it failed and what it saw when it succeeded.
 */
public final class MailboxDialogue<C extends SocketClient> {

    /**
     * How a protocol's steps are named in results and in what the probe waits for.
     *
     * @param greeting   the good greeting as quoted: "* OK"
     * @param capability the capability command: "CAPABILITY"
     * @param tls        the in-band TLS upgrade, which the capabilities must list: "STARTTLS"
     * @param logout     "LOGOUT"
     */
    public record Words(String name, String greeting, String capability, String tls, String logout) {
    }

    /** What one protocol does at each step. */
    public interface Protocol<C extends SocketClient> {
        Words words();

        C plainClient();

        C tlsClient(boolean implicit, SSLContext context, boolean verifyPeer);

        /** The last reply, possibly several lines, or null. */
        String replyString(C client);

        /** The capabilities, upper-cased; empty when the command failed. */
        Set<String> capabilities(C client) throws IOException;

        boolean startTls(C client) throws IOException;

        void logout(C client) throws IOException;

        /** What the capabilities say, for the result's list of what went well. */
        String noted(Set<String> capabilities);

        default boolean greets(String reply) {
            return reply.startsWith(words().greeting());
        }

        /** Why these capabilities are not enough for a working server, if they are not. */
        default Optional<String> lacking(Set<String> capabilities, boolean afterTls) {
            return Optional.empty();
        }
    }

    private final BlockingProbeRunner runner;
    private final Protocol<C> protocol;

    public MailboxDialogue(BlockingProbeRunner runner, Protocol<C> protocol) {
        this.runner = runner;
        this.protocol = protocol;
    }

    public Uni<ProbeResult> probe(MailboxTarget target) {
        return runner.run(() -> converse(target));
    }

    private ProbeResult converse(MailboxTarget target) {
        Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
        boolean implicit = target.security() == MailSecurity.IMPLICIT_TLS;
        C client = target.security() == MailSecurity.PLAIN ? protocol.plainClient()
                : protocol.tlsClient(implicit, target.trust().sslContext(), target.trust().verifiesPeer());
        int timeoutMs = (int) target.timeout().toMillis();
        client.setConnectTimeout(timeoutMs);
        client.setDefaultTimeout(timeoutMs);
        List<String> done = new ArrayList<>();
        Words words = protocol.words();
        try {
            conversation.waitingFor(implicit ? "the TLS handshake and greeting" : "the greeting");
            client.connect(target.host(), target.port());
            String greeting = reply(client);
            if (!protocol.greets(greeting)) {
                return conversation.down(words.name() + " greeting was not " + words.greeting() + ": " + greeting);
            }
            done.add((implicit ? "TLS greeting " : "greeting ") + words.greeting());

            conversation.waitingFor("the " + words.capability() + " reply");
            Set<String> capabilities = protocol.capabilities(client);
            Optional<String> lacking = protocol.lacking(capabilities, false);
            if (lacking.isPresent()) {
                return conversation.down(lacking.get());
            }
            done.add(protocol.noted(capabilities));

            if (target.security() == MailSecurity.STARTTLS) {
                String tls = words.tls();
                if (!capabilities.contains(tls)) {
                    return conversation.down(tls + " not listed in the " + words.name() + " " + words.capability()
                            + " of " + conversation.endpoint());
                }
                conversation.waitingFor("the " + tls + " reply and TLS handshake");
                if (!protocol.startTls(client)) {
                    return conversation.down(tls + " refused: " + reply(client));
                }
                conversation.waitingFor("the " + words.capability() + " reply after " + tls);
                lacking = protocol.lacking(protocol.capabilities(client), true);
                if (lacking.isPresent()) {
                    return conversation.down(lacking.get());
                }
                done.add(tls);
            }

            conversation.waitingFor("the " + words.logout() + " reply");
            protocol.logout(client);
            return conversation.up(words.name() + " " + conversation.endpoint() + " OK: " + String.join(", ", done));
        } catch (Exception e) {
            return conversation.failed(e);
        } finally {
            disconnect(client);
        }
    }

    private String reply(C client) {
        String reply = protocol.replyString(client);
        return reply == null ? "(no reply)" : reply.trim().replaceAll("\\s*\\r?\\n\\s*", " ");
    }

    private static void disconnect(SocketClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException ignored) {
            // The verdict is already made; a failing close changes nothing for the person reading it.
        }
    }
}
