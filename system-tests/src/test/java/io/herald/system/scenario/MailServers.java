package io.herald.system.scenario;

import io.herald.system.faults.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The organisation's mail servers, Debian's own: postfix as a private instance ({@code postfix -c <own confdir>})
 * whose smtpd is both what the SMTP probe watches and where status-api sends its mail, delivering everything for
 * herald.test into one mbox the test reads (the help desk's mailbox); dovecot serving IMAP for the IMAP probe.
 */
final class MailServers implements AutoCloseable {
    final int smtpPort = ServiceProcess.freePort();
    final int imapPort = ServiceProcess.freePort();
    private final Path dir;
    private final Path mailbox;
    private Path postfixConf;
    private Process dovecot;

    MailServers(Path dir) {
        this.dir = dir;
        this.mailbox = dir.resolve("mail").resolve("inbox");
    }

    MailServers start() throws IOException, InterruptedException {
        startPostfix();
        startDovecot();
        LocalProcess.awaitPorts("postfix and dovecot", List.of(smtpPort, imapPort));
        return this;
    }

    /** Everything delivered to the help desk so far (an mbox: messages one after another). */
    String mailbox() throws IOException {
        return Files.exists(mailbox) ? Files.readString(mailbox) : "";
    }

    private void startPostfix() throws IOException, InterruptedException {
        postfixConf = Files.createDirectories(dir.resolve("postfix"));
        if (Files.exists(postfixConf.resolve("main.cf"))) {
            new ProcessBuilder("postfix", "-c", postfixConf.toString(), "stop").start().waitFor(20, TimeUnit.SECONDS);
        }
        Files.createDirectories(dir.resolve("queue"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path mail = Files.createDirectories(dir.resolve("mail"));
        Files.deleteIfExists(mailbox);
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        // master takes its lock in data_directory and virtual(8) writes the mailbox: both belong to postfix
        Files.setOwner(data, users.lookupPrincipalByName("postfix"));
        Files.setOwner(mail, users.lookupPrincipalByName("postfix"));
        Files.getFileAttributeView(mail, PosixFileAttributeView.class)
                .setGroup(users.lookupPrincipalByGroupName("postfix"));
        int uid = (Integer) Files.getAttribute(mail, "unix:uid");
        int gid = (Integer) Files.getAttribute(mail, "unix:gid");
        Files.writeString(postfixConf.resolve("main.cf"), """
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
                mynetworks = 127.0.0.0/8
                maillog_file = %1$s/postfix.log
                maillog_file_prefixes = %1$s
                smtpd_banner = $myhostname ESMTP
                smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
                virtual_mailbox_domains = herald.test
                virtual_mailbox_base = %1$s/mail
                virtual_mailbox_maps = static:inbox
                virtual_minimum_uid = 1
                virtual_uid_maps = static:%2$d
                virtual_gid_maps = static:%3$d
                biff = no
                """.formatted(dir, uid, gid));
        Files.writeString(postfixConf.resolve("master.cf"), """
                127.0.0.1:%d inet n - n - - smtpd
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
                scache unix - - n - 1 scache
                error unix - - n - - error
                retry unix - - n - - error
                virtual unix - n n - - virtual
                """.formatted(smtpPort));
        LocalProcess.run(dir, "postfix", "-c", postfixConf.toString(), "start");
    }

    private void startDovecot() throws IOException {
        Path home = Files.createDirectories(dir.resolve("dovecot"));
        Files.createDirectories(home.resolve("run"));
        Files.createDirectories(home.resolve("state"));
        Files.writeString(home.resolve("users"), "helpdesk@herald.test:{PLAIN}not-used-by-the-probe\n");
        Path conf = home.resolve("dovecot.conf");
        Files.writeString(conf, """
                base_dir = %1$s/run
                state_dir = %1$s/state
                instance_name = herald-scenario-%2$d
                protocols = imap
                listen = 127.0.0.1
                log_path = %1$s/dovecot.log
                ssl = no
                disable_plaintext_auth = no
                mail_location = maildir:%1$s/mail/%%u
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=root gid=root home=%1$s/mail/%%u
                }
                service imap-login {
                  inet_listener imap {
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                """.formatted(home, imapPort));
        dovecot = new ProcessBuilder("dovecot", "-F", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile()).start();
    }

    @Override
    public void close() throws Exception {
        if (postfixConf != null) {
            LocalProcess.run(dir, "postfix", "-c", postfixConf.toString(), "stop");
        }
        if (dovecot != null) {
            dovecot.destroy();
            dovecot.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
