package io.herald.ingest.probe.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's dovecot serving IMAP and POP3 on its own config. With TLS it also listens for IMAPS and POP3S and offers
 * STARTTLS/STLS; without TLS it offers neither. Its auth socket doubles as postfix's SASL backend.
 */
public final class DovecotServer extends ManagedServer {

    public static final String USER = "probe@herald.test";
    public static final String PASSWORD = "s3cret-probe";

    private final boolean tls;
    private final String imapCapability;
    private Certificates.Pair certificate;

    private DovecotServer(boolean tls, String imapCapability, String... ports) {
        super("dovecot", ports);
        this.tls = tls;
        this.imapCapability = imapCapability;
    }

    public static DovecotServer withTls() {
        return new DovecotServer(true, null, "imap", "imaps", "pop3", "pop3s");
    }

    /** No TLS at all; optionally announce a custom IMAP capability list (to stand in for a broken server). */
    public static DovecotServer withoutTls(String imapCapability) {
        return new DovecotServer(false, imapCapability, "imap", "pop3");
    }

    public Path certificate() {
        return certificate.cert();
    }

    public Path authSocket() {
        return workDir().resolve("run").resolve("auth-client");
    }

    @Override
    protected List<String> prepare(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("users"), USER + ":{PLAIN}" + PASSWORD + "\n");
        StringBuilder conf = new StringBuilder("""
                base_dir = %1$s/run
                state_dir = %1$s/state
                instance_name = herald-test-%2$d
                protocols = imap pop3
                listen = 127.0.0.1
                log_path = %1$s/dovecot.log
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:%1$s/mail/%%u
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=root gid=root home=%1$s/mail/%%u
                }
                service auth {
                  unix_listener auth-client {
                    mode = 0666
                  }
                }
                service stats {
                  unix_listener stats-reader {
                    mode = 0666
                  }
                  unix_listener stats-writer {
                    mode = 0666
                  }
                }
                """.formatted(dir, port("imap")));
        if (imapCapability != null) {
            conf.append("imap_capability = ").append(imapCapability).append('\n');
        }
        if (tls) {
            certificate = Certificates.selfSigned(dir, "mail", "mail.herald.test", 30);
            conf.append("""
                    ssl = yes
                    ssl_cert = <%s
                    ssl_key = <%s
                    service imap-login {
                      inet_listener imap {
                        port = %d
                      }
                      inet_listener imaps {
                        port = %d
                        ssl = yes
                      }
                    }
                    service pop3-login {
                      inet_listener pop3 {
                        port = %d
                      }
                      inet_listener pop3s {
                        port = %d
                        ssl = yes
                      }
                    }
                    """.formatted(certificate.cert(), certificate.key(), port("imap"), port("imaps"), port("pop3"),
                    port("pop3s")));
        } else {
            conf.append("""
                    ssl = no
                    service imap-login {
                      inet_listener imap {
                        port = %d
                      }
                      inet_listener imaps {
                        port = 0
                      }
                    }
                    service pop3-login {
                      inet_listener pop3 {
                        port = %d
                      }
                      inet_listener pop3s {
                        port = 0
                      }
                    }
                    """.formatted(port("imap"), port("pop3")));
        }
        Path file = dir.resolve("dovecot.conf");
        Files.writeString(file, conf.toString());
        return list("dovecot", "-F", "-c", file.toString());
    }
}
