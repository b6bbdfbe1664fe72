package org.ecom.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's chromium in headless mode: the DOM of a page after its scripts ran, or a screenshot. */
final class HeadlessChromium {

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The chromium on this machine (/usr/bin/chromium, or chromium / chromium-browser on the PATH). */
    static Optional<HeadlessChromium> find() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(":")) {
            candidates.add(Path.of(folder, "chromium"));
            candidates.add(Path.of(folder, "chromium-browser"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    String dumpDom(Path html, String page) throws IOException, InterruptedException {
        return run("--dump-dom", html.toUri() + "#" + page);
    }

    void screenshot(Path html, String page, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run("--screenshot=" + png.toAbsolutePath(), "--window-size=1400,1000", "--hide-scrollbars", html.toUri() + "#" + page);
    }

    private String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("chromium did not finish in 120 s: " + command);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
