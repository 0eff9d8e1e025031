package io.herald.system.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The figures a test measured, printed as they come and written to a file under target/ for the lead to quote. */
public final class Figures {
    private final String title;
    private final Path file;
    private final List<String> lines = new ArrayList<>();

    public Figures(String title, Path file) {
        this.title = title;
        this.file = file;
    }

    public synchronized void add(String name, Object value) {
        String line = name + ": " + value;
        lines.add(line);
        System.out.println("[" + title + "] " + line);
    }

    public void add(String name, Duration duration) {
        add(name, duration.toMillis() + " ms");
    }

    /** Writes what was measured so far (called again as figures come, so a failing run still leaves them). */
    public synchronized void write() throws IOException {
        Files.createDirectories(file.getParent());
        List<String> out = new ArrayList<>();
        out.add("# " + title + " (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        out.addAll(lines);
        Files.write(file, out, StandardCharsets.UTF_8);
    }
}
