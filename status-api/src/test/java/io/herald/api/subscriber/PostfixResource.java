package io.herald.api.subscriber;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's postfix as a private instance ({@code postfix -c <own confdir> start}) listening on a free port and
 * delivering every mail for herald.test with its virtual(8) agent into one mbox file, {@link #MAILBOX}, that the
 * test reads. Points quarkus.mailer at it.
 */
public class PostfixResource implements QuarkusTestResourceLifecycleManager {
    static final Path DIR = Path.of("target", "servers", "postfix-subscribers").toAbsolutePath();
    static final Path MAILBOX = DIR.resolve("mail").resolve("inbox");
    private Path confDir;

    @Override
    public Map<String, String> start() {
        try {
            stopLeftOver();
            int port = freePort();
            confDir = Files.createDirectories(DIR.resolve("conf"));
            Files.createDirectories(DIR.resolve("queue"));
            Path data = Files.createDirectories(DIR.resolve("data"));
            Path mail = Files.createDirectories(DIR.resolve("mail"));
            Files.deleteIfExists(MAILBOX);
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            // master takes its lock in data_directory and virtual(8) writes the mailbox: both belong to postfix
            Files.setOwner(data, users.lookupPrincipalByName("postfix"));
            Files.setOwner(mail, users.lookupPrincipalByName("postfix"));
            Files.getFileAttributeView(mail, PosixFileAttributeView.class)
                    .setGroup(users.lookupPrincipalByGroupName("postfix"));
            int uid = (Integer) Files.getAttribute(mail, "unix:uid");
            int gid = (Integer) Files.getAttribute(mail, "unix:gid");
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
                    mynetworks = 127.0.0.0/8
                    maillog_file = %1$s/postfix.log
                    maillog_file_prefixes = %1$s
                    smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
                    virtual_mailbox_domains = herald.test
                    virtual_mailbox_base = %1$s/mail
                    virtual_mailbox_maps = static:inbox
                    virtual_minimum_uid = 1
                    virtual_uid_maps = static:%2$d
                    virtual_gid_maps = static:%3$d
                    biff = no
                    """.formatted(DIR, uid, gid));
            Files.writeString(confDir.resolve("master.cf"), """
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
                    """.formatted(port));
            run("postfix", "-c", confDir.toString(), "start");
            awaitPort(port);
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (confDir != null) {
            run("postfix", "-c", confDir.toString(), "stop");
        }
    }

    static String mailbox() throws IOException {
        return Files.exists(MAILBOX) ? Files.readString(MAILBOX) : "";
    }

    private void stopLeftOver() {
        if (Files.exists(DIR.resolve("conf").resolve("main.cf"))) {
            try {
                new ProcessBuilder("postfix", "-c", DIR.resolve("conf").toString(), "stop").start()
                        .waitFor(20, TimeUnit.SECONDS);
            } catch (IOException e) {
                // nothing was running
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) {
        await("postfix opens port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> accepts(port));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
