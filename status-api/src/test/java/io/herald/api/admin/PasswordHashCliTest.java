package io.herald.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordHashCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldPrintAHashThatTheLoginCheckAccepts() throws IOException {
        int status = run("correct horse battery\n");

        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(hash).startsWith("$2a$10$");
        assertThat(BCrypt.verifyer().verify("correct horse battery".toCharArray(), hash).verified).isTrue();
        assertThat(BCrypt.verifyer().verify("correct horse battery\n".toCharArray(), hash).verified).isFalse();
    }

    @Test
    void shouldKeepEverythingButTheLastLineBreak() throws IOException {
        assertThat(run(" spaces count too \r\n")).isZero();

        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(BCrypt.verifyer().verify(" spaces count too ".toCharArray(), hash).verified).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                  | no password on standard input",
            "'\n'                | no password on standard input",
            "'   \n'             | no password on standard input",
            "'short\n'           | must have 12 to 72 bytes",
    })
    void shouldRefuseWhatIsNoUsablePassword(String input, String reason) throws IOException {
        int status = run(input.replace("\\n", "\n"));

        assertThat(status).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(reason);
    }

    @Test
    void shouldRefuseMoreThanBcryptReads() throws IOException {
        assertThat(run("é".repeat(37))).isEqualTo(2); // 74 bytes in 37 characters

        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must have 12 to 72 bytes");
    }

    private int run(String input) throws IOException {
        return PasswordHashCli.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
