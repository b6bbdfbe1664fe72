package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.ml.sidecar.GeneratedWarehouse;
import org.junit.jupiter.api.Test;

/**
 * The sidecar as a scheduler runs it, in a process of its own, stopped by SIGTERM in the middle of
 * a pass: it exits promptly, and every run it started has ended (succeeded with all its rows, or
 * failed), none is left running.
 */
@DatabaseTest
class SidecarProcessTest {

    @Test
    void sigtermDuringAPassEndsEveryRunAndTheProcess() throws Exception {
        DatabaseTarget target = GeneratedWarehouse.withoutRuns();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sidecar = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Decom.home=" + Path.of("target", "sidecar-process-home").toAbsolutePath(),
                "org.ecom.cli.EcomCommand", "sidecar", "--once", "--db", target.jdbcUrl(),
                "--models", "forecast,segments,repurchase")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(sidecar.getInputStream(), StandardCharsets.UTF_8))) {
            // Stop it once the second model is training: the first has written, the second has not.
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.contains("segments: training")) {
                    sidecar.destroy(); // SIGTERM
                    break;
                }
            }
            assertTrue(sidecar.waitFor(60, TimeUnit.SECONDS), "the sidecar did not exit within 60 s of SIGTERM");
        } finally {
            sidecar.destroyForcibly();
        }
        assertEquals(130, sidecar.exitValue(), "interrupted (SIGINT or SIGTERM), after the shutdown hook ran");

        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet runs = s.executeQuery("SELECT model_kind, status FROM ml.model_run ORDER BY run_id")) {
            List<String> ended = new ArrayList<>();
            while (runs.next()) {
                ended.add(runs.getString(1) + " " + runs.getString(2));
            }
            assertEquals("forecast succeeded", ended.get(0), ended.toString());
            assertTrue(ended.stream().noneMatch(run -> run.endsWith("running")), ended.toString());
            assertTrue(ended.stream().noneMatch(run -> run.startsWith("repurchase")), "no model starts after the stop: " + ended);
        }
    }
}
