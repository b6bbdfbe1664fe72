package org.ecom.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ecom.db.DatabaseTarget;
import org.ecom.ml.ModelKind;
import org.ecom.ml.sidecar.GeneratedWarehouse;
import org.ecom.ml.sidecar.Sidecar;
import org.ecom.ml.sidecar.SidecarJobs;
import org.ecom.ml.sidecar.SidecarReport;
import org.ecom.ml.sidecar.SidecarSettings;

/**
 * The generated warehouse with one real sidecar pass (every model, its artefact stored), served by
 * one {@code ./ecom serve} on a free port, shared by the API and browser tests of a test JVM.
 */
final class ServedWarehouse {

    private static ServedWarehouse served;

    final DatabaseTarget owner;
    final ServeData data;
    final ApiServer server;

    private ServedWarehouse(DatabaseTarget owner, ServeData data, ApiServer server) {
        this.owner = owner;
        this.data = data;
        this.server = server;
    }

    static synchronized ServedWarehouse get() throws Exception {
        if (served == null) {
            DatabaseTarget target = GeneratedWarehouse.withoutRuns();
            SidecarSettings settings = new SidecarSettings(List.of(ModelKind.values()), 3, Duration.ZERO, 1,
                    Duration.ofMillis(10), Optional.empty());
            SidecarReport report = new Sidecar(target, settings, SidecarJobs.standard(42, Path.of("target", "djl-cache")),
                    line -> { }).runOnce();
            if (!report.allSucceeded()) {
                throw new IllegalStateException("the sidecar pass failed: " + report);
            }
            // A generous rate: the tests' own requests must not meet the limit (its own test uses a server of its own).
            ServeSettings serving = new ServeSettings("127.0.0.1", 0, Optional.empty(), 10_000, 16_384,
                    Duration.ofSeconds(5), Duration.ofSeconds(1));
            ReaderPool pool = ReaderPool.open(target, serving.statementTimeout());
            ServeData data = ServeData.start(pool, serving.refreshEvery(), System.out::println);
            served = new ServedWarehouse(target, data, ApiServer.start(data, serving, System.out::println));
        }
        return served;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
