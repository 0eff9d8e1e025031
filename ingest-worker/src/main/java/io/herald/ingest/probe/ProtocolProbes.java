package io.herald.ingest.probe;

import io.herald.ingest.probe.activesync.ActiveSyncMode;
import io.herald.ingest.probe.activesync.ActiveSyncProbe;
import io.herald.ingest.probe.activesync.ActiveSyncTarget;
import io.herald.ingest.probe.activesync.HealthPage;
import io.herald.ingest.probe.dns.DnsProbe;
import io.herald.ingest.probe.dns.DnsRecordType;
import io.herald.ingest.probe.dns.DnsTarget;
import io.herald.ingest.probe.imap.ImapProbe;
import io.herald.ingest.probe.imap.ImapTarget;
import io.herald.ingest.probe.pop3.Pop3Probe;
import io.herald.ingest.probe.pop3.Pop3Target;
import io.herald.ingest.probe.smtp.SmtpAuth;
import io.herald.ingest.probe.smtp.SmtpProbe;
import io.herald.ingest.probe.smtp.SmtpTarget;
import io.herald.ingest.probe.tcp.TcpProbe;
import io.herald.ingest.probe.tcp.TcpTarget;
import io.herald.ingest.probe.tls.TlsProbe;
import io.herald.ingest.probe.tls.TlsTarget;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.ProbeSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/** Runs the tcp, tls, dns, smtp, imap, pop3 and activesync checks of the catalog with the protocol probes. */
@Singleton
public class ProtocolProbes {
    private final TcpProbe tcp;
    private final TlsProbe tls;
    private final DnsProbe dns;
    private final SmtpProbe smtp;
    private final ImapProbe imap;
    private final Pop3Probe pop3;
    private final ActiveSyncProbe activeSync;

    public ProtocolProbes(Vertx vertx) {
        this.tcp = new TcpProbe(vertx);
        this.tls = new TlsProbe(vertx);
        this.dns = new DnsProbe(vertx);
        this.smtp = new SmtpProbe(vertx);
        this.imap = new ImapProbe(vertx);
        this.pop3 = new Pop3Probe(vertx);
        this.activeSync = new ActiveSyncProbe(vertx);
    }

    public Uni<ProbeResult> probe(CheckDef check) {
        return switch (check.type()) {
            case TCP -> {
                ProbeSpec.Endpoint spec = check.spec(ProbeSpec.Endpoint.class);
                yield tcp.probe(new TcpTarget(spec.host(), spec.port(), check.timeout()));
            }
            case TLS -> tls.probe(tlsTarget(check, check.spec(ProbeSpec.Endpoint.class)));
            case DNS -> {
                ProbeSpec.Dns spec = check.spec(ProbeSpec.Dns.class);
                yield dns.probe(new DnsTarget(spec.resolver(), spec.port(), check.timeout(), spec.name(),
                        DnsRecordType.valueOf(spec.recordType()), spec.expect()));
            }
            case SMTP -> {
                ProbeSpec.Mail spec = check.spec(ProbeSpec.Mail.class);
                SmtpAuth auth = spec.user() == null ? null : new SmtpAuth(
                        SmtpAuth.Mechanism.valueOf(spec.authMechanism()), spec.user(), spec.password());
                yield smtp.probe(new SmtpTarget(spec.host(), spec.port(), check.timeout(), security(spec),
                        trust(spec.trust()), spec.heloName(), auth));
            }
            case IMAP -> {
                ProbeSpec.Mail spec = check.spec(ProbeSpec.Mail.class);
                yield imap.probe(new ImapTarget(spec.host(), spec.port(), check.timeout(), security(spec),
                        trust(spec.trust())));
            }
            case POP3 -> {
                ProbeSpec.Mail spec = check.spec(ProbeSpec.Mail.class);
                yield pop3.probe(new Pop3Target(spec.host(), spec.port(), check.timeout(), security(spec),
                        trust(spec.trust())));
            }
            case ACTIVESYNC -> {
                ProbeSpec.ActiveSync spec = check.spec(ProbeSpec.ActiveSync.class);
                yield activeSync.probe(new ActiveSyncTarget(URI.create(spec.baseUrl()), check.timeout(),
                        ActiveSyncMode.valueOf(spec.mode().toUpperCase(Locale.ROOT)),
                        HealthPage.valueOf(spec.healthPage().toUpperCase(Locale.ROOT)), spec.user(), spec.password(),
                        trust(spec.trust())));
            }
            default -> throw new IllegalArgumentException(check.type().wire() + " is not a protocol probe");
        };
    }

    /** The certificate check of an https http check: a TLS handshake whose expiry is degraded days ahead. */
    public Uni<ProbeResult> certificate(CheckDef check, String host, int port, ProbeSpec.Trust trust, int days) {
        return tls.probe(new TlsTarget(host, port, check.timeout(), host, trust(trust), days));
    }

    private static TlsTarget tlsTarget(CheckDef check, ProbeSpec.Endpoint spec) {
        return new TlsTarget(spec.host(), spec.port(), check.timeout(), spec.serverName(), trust(spec.trust()),
                spec.certExpiryDays());
    }

    private static MailSecurity security(ProbeSpec.Mail spec) {
        return switch (spec.security()) {
            case "plain" -> MailSecurity.PLAIN;
            case "tls" -> MailSecurity.IMPLICIT_TLS;
            default -> MailSecurity.STARTTLS;
        };
    }

    public static TlsTrust trust(ProbeSpec.Trust trust) {
        if (trust.any()) {
            return TlsTrust.trustAllCertificates();
        }
        return trust.trustStore() == null ? TlsTrust.systemDefault()
                : TlsTrust.trustStore(Path.of(trust.trustStore()), trust.trustStorePassword());
    }
}
