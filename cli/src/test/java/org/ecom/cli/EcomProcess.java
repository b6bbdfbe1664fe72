package org.ecom.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code ecom} in a JVM of its own, as a user starts it: for what one process cannot show
 * (overlapping loads, signals). Its stdout and stderr go to one log file the test reads.
 */
record EcomProcess(Process process, Path log) {

    static EcomProcess start(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Decom.progressMillis=100");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ecom.cli.EcomCommand"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new EcomProcess(process, log);
    }

    /** A port nothing listens on now, for an embedded server of the test's own. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until a line of the output matches, or the process ends, or 120 s pass; whether it matched. */
    boolean awaitLine(Predicate<String> line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (output().lines().anyMatch(line)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().lines().anyMatch(line);
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The exit code, waiting up to 5 minutes (then killed: -1). */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
