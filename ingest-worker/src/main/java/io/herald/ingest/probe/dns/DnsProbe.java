package io.herald.ingest.probe.dns;

import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.Conversation;
import io.herald.ingest.probe.ProbeResult;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.DnsOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.dns.DnsException;
import io.vertx.core.dns.DnsResponseCode;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.dns.DnsClient;
import io.vertx.mutiny.core.dns.MxRecord;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;

/** {@code type: dns}: asks one resolver for one record with the non-blocking Vert.x DnsClient and checks the answer. */
@Singleton
public final class DnsProbe implements CheckProbe {

    private static final Pattern IP_LITERAL =
            Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]*:[0-9a-fA-F:.]*");

    private final Vertx vertx;

    public DnsProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public String type() {
        return "dns";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        DnsOptions options = check.options(DnsOptions.class);
        return probe(new DnsTarget(options.resolver(), options.port(), check.timeout(), options.name(),
                DnsRecordType.valueOf(options.recordType()), options.expect()));
    }

    public Uni<ProbeResult> probe(DnsTarget target) {
        return Uni.createFrom().deferred(() -> {
            Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
            String question = "DNS " + target.type() + " " + target.name();
            conversation.waitingFor("the " + question + " answer from " + conversation.endpoint());
            DnsClient client = vertx.createDnsClient(new DnsClientOptions()
                    .setHost(target.host())
                    .setPort(target.port())
                    .setQueryTimeout(target.timeout().toMillis()));
            return resolve(client, target)
                    .ifNoItem().after(target.timeout().plusMillis(500)).fail()
                    .map(answers -> judge(answers, target, question, conversation))
                    .onFailure().recoverWithItem(failure -> failed(failure, question, conversation))
                    .onTermination().call(client::close);
        });
    }

    private static Uni<List<String>> resolve(DnsClient client, DnsTarget target) {
        return switch (target.type()) {
            case A -> client.resolveA(target.name());
            case AAAA -> client.resolveAAAA(target.name());
            case MX -> client.resolveMX(target.name()).map(records -> records.stream().map(DnsProbe::mx).toList());
            case TXT -> client.resolveTXT(target.name());
            case CNAME -> client.resolveCNAME(target.name());
            case NS -> client.resolveNS(target.name());
        };
    }

    private static String mx(MxRecord record) {
        return record.priority() + " " + record.name();
    }

    private static ProbeResult judge(List<String> answers, DnsTarget target, String question, Conversation conversation) {
        if (answers == null || answers.isEmpty()) {
            return conversation.down(question + ": no answer");
        }
        String got = String.join(", ", answers);
        if (!target.hasExpectation()) {
            return conversation.up(question + ": " + got);
        }
        String expected = canonical(target.expectedAnswer());
        boolean found = answers.stream().map(DnsProbe::canonical).anyMatch(answer -> answer.contains(expected));
        return found
                ? conversation.up(question + ": " + got)
                : conversation.down(question + ": expected " + target.expectedAnswer() + ", got " + got);
    }

    private static ProbeResult failed(Throwable failure, String question, Conversation conversation) {
        if (failure instanceof DnsException dns) {
            DnsResponseCode code = dns.code();
            if (code == DnsResponseCode.NXDOMAIN) {
                return conversation.down(question + ": no such name (NXDOMAIN)");
            }
            return conversation.down(question + ": resolver answered " + code.name());
        }
        return conversation.failed(failure);
    }

    /** Addresses compared as addresses ("::1" equals "0:0:0:0:0:0:0:1"), names without case or trailing dot. */
    private static String canonical(String value) {
        String text = value.trim();
        if (IP_LITERAL.matcher(text).matches()) {
            try {
                // A literal is parsed, never looked up.
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException notAnAddress) {
                return normalize(text);
            }
        }
        return normalize(text);
    }

    private static String normalize(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
