package org.ecom.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request counts by route, method and status, and latencies by route, in Prometheus' text format. */
final class RequestMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("ecom_serve_requests_total")
            .help("HTTP requests answered, by route template, method and status")
            .labelNames("route", "method", "status").register(registry);
    // Buckets around the targets (20 ms for look-ups, 30 ms for scores) and the pages' seconds.
    private final Histogram latency = Histogram.builder().name("ecom_serve_request_duration_seconds").unit(Unit.SECONDS)
            .help("Time from the request's arrival to its answer, by route template and method")
            .classicOnly().classicUpperBounds(0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .labelNames("route", "method").register(registry);

    void record(String route, String method, int status, long nanos) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        latency.labelValues(route, method).observe(nanos / 1e9);
    }

    String text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
