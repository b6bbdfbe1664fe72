package org.ecom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.pipeline.Pipeline;

/**
 * Not a test: times each kpi view as Power BI DirectQuery uses it, one query per visual, and
 * prints p50/p95 per view. Now a thin front of {@link ReportLatency} (which discovers the views of
 * schemas kpi and analysis and the analysis functions, and takes --limit-ms): this one times the
 * views of schema kpi with the DirectQuery target p95 <= 100 ms, 5 warm-up runs then 50 timed ones.
 *
 * <p>With ECOM_DB_URL (and ECOM_DB_USER / ECOM_DB_PASSWORD) set it times that database as it is
 * (e.g. a SQL Server already loaded). Otherwise it loads the real file (ECOM_REAL_DATA, or
 * ../shared/data/online_retail_II.csv.gz beside the project) into a fresh embedded PostgreSQL.
 * Run it with benchmarks/kpi-latency.sh.
 */
public final class KpiLatency {

    static final int WARM_UP = 5;
    static final int RUNS = 50;
    static final double TARGET_P95_MS = 100;

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--schemas", "kpi", "--limit-ms", String.valueOf((long) TARGET_P95_MS)));
        all.addAll(Arrays.asList(args));
        ReportLatency.main(all.toArray(String[]::new));
    }

    /** Loads the real file into a fresh embedded PostgreSQL and returns it. */
    static DatabaseTarget loadRealFile() throws Exception {
        String configured = System.getenv("ECOM_REAL_DATA");
        Path file = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("ecom.project.root", ".."), "..", "shared", "data", "online_retail_II.csv.gz");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the real data file is not at " + file.toAbsolutePath().normalize()
                    + " (set ECOM_REAL_DATA, or ECOM_DB_URL to time a loaded database)");
        }
        DatabaseTarget target = ContractEngines.freshPostgres();
        long start = System.nanoTime();
        new Pipeline(target).run(file);
        System.out.printf("loaded %s into a fresh embedded PostgreSQL in %.1f s%n", file.getFileName(),
                (System.nanoTime() - start) / 1e9);
        return target;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
