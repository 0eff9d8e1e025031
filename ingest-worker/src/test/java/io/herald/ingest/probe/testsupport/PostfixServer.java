package io.herald.ingest.probe.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.function.Supplier;

/**
 * Debian's postfix as a second instance ({@code postfix -c <own confdir> start}) with three smtpd listeners:
 * "smtp" offers STARTTLS and AUTH, "smtps" is implicit TLS (wrapper mode), "notls" offers no STARTTLS. SASL AUTH is
 * checked against a running dovecot's auth socket. Postfix daemonizes, so it is stopped with {@code postfix stop}.
 */
public final class PostfixServer extends ManagedServer {

    private final Supplier<Path> dovecotAuthSocket;
    private Path confDir;
    private Certificates.Pair certificate;

    public PostfixServer(Supplier<Path> dovecotAuthSocket) {
        super("postfix", "smtp", "smtps", "notls");
        this.dovecotAuthSocket = dovecotAuthSocket;
    }

    public Path certificate() {
        return certificate.cert();
    }

    @Override
    protected boolean runsInForeground() {
        return false;
    }

    @Override
    protected List<String> prepare(Path dir) throws IOException {
        confDir = dir.resolve("conf");
        Files.createDirectories(confDir);
        Files.createDirectories(dir.resolve("queue"));
        Path data = Files.createDirectories(dir.resolve("data"));
        // master takes its lock in data_directory, which must belong to mail_owner.
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(data, users.lookupPrincipalByName("postfix"));
        certificate = Certificates.selfSigned(dir, "smtp", "mail.herald.test", 30);
        Files.writeString(confDir.resolve("main.cf"), """
                compatibility_level = 3.6
                queue_directory = %1$s/queue
                data_directory = %1$s/data
                mail_owner = postfix
                setgid_group = postdrop
                myhostname = mail.herald.test
                mydomain = herald.test
                myorigin = herald.test
                mydestination =
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                maillog_file = %1$s/postfix.log
                maillog_file_prefixes = %1$s
                smtpd_banner = $myhostname ESMTP Herald test
                smtpd_tls_cert_file = %2$s
                smtpd_tls_key_file = %3$s
                smtpd_tls_security_level = may
                smtpd_sasl_auth_enable = yes
                smtpd_sasl_type = dovecot
                smtpd_sasl_path = %4$s
                smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
                biff = no
                """.formatted(dir, certificate.cert(), certificate.key(), dovecotAuthSocket.get()));
        Files.writeString(confDir.resolve("master.cf"), """
                127.0.0.1:%d inet n - n - - smtpd
                127.0.0.1:%d inet n - n - - smtpd -o smtpd_tls_wrappermode=yes
                127.0.0.1:%d inet n - n - - smtpd -o smtpd_tls_security_level=none
                postlog unix-dgram n - n - 1 postlogd
                cleanup unix n - n - 0 cleanup
                qmgr unix n - n 300 1 qmgr
                rewrite unix - - n - - trivial-rewrite
                anvil unix - - n - 1 anvil
                bounce unix - - n - 0 bounce
                defer unix - - n - 0 bounce
                trace unix - - n - 0 bounce
                verify unix - - n - 1 verify
                proxymap unix - - n - - proxymap
                tlsmgr unix - - n 1000? 1 tlsmgr
                scache unix - - n - 1 scache
                """.formatted(port("smtp"), port("smtps"), port("notls")));
        return list("postfix", "-c", confDir.toString(), "start");
    }

    @Override
    protected void shutdown(Process process) {
        run(workDir(), "postfix", "-c", confDir.toString(), "stop");
    }
}
