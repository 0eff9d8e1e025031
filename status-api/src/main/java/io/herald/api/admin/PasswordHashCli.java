package io.herald.api.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints the bcrypt hash of the password read from standard input, the value of
 * {@code herald.api.bootstrap-admin-password-bcrypt}. It runs without Quarkus, from the built application:
 * {@code java -cp 'status-api/target/quarkus-app/app/*:status-api/target/quarkus-app/lib/main/*'
 * io.herald.api.admin.PasswordHashCli < password-file} (bin/run does this for the first operator).
 */
public final class PasswordHashCli {
    // The cost and the 12-72 byte rule of passwords set through the admin API (OperatorService).
    static final int COST = 10;
    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordHashCli() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(System.in, System.out, System.err));
    }

    /** Returns the exit status: 0 with the hash on {@code out}, 2 with the reason on {@code err}. */
    static int run(InputStream in, PrintStream out, PrintStream err) throws IOException {
        String password = withoutLineEnd(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (password.isBlank()) {
            err.println("PasswordHashCli: no password on standard input");
            return 2;
        }
        if (password.length() < MIN_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            err.println("PasswordHashCli: the password must have " + MIN_LENGTH + " to " + MAX_BYTES
                    + " bytes (bcrypt reads no further than 72)");
            return 2;
        }
        out.println(BCrypt.withDefaults().hashToString(COST, password.toCharArray()));
        return 0;
    }

    // A password file or `echo` ends with one line break, which is not part of the password.
    private static String withoutLineEnd(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
