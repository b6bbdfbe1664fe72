package org.ecom.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.pipeline.Pipeline;

/**
 * Times each analysis query 50 times (after 5 warm-up runs) on the real file loaded into a fresh
 * embedded PostgreSQL, reading every row as a client would, and prints p50 and p95. Not a test:
 *
 * <pre>
 * source benchmarks/lib.sh
 * java -cp "$(bench_classpath analysis)" org.ecom.bench.AnalysisBench [path/to/online_retail_II.csv.gz]
 * </pre>
 * -Dexplain='SELECT ...' prints EXPLAIN ANALYZE of one query.
 */
public final class AnalysisBench {

    private static final int WARM_UP = 5;
    private static final int RUNS = 50;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/online_retail_II.csv.gz");
        DatabaseTarget target = ContractEngines.freshPostgres();
        long start = System.nanoTime();
        new Pipeline(target).run(file);
        System.out.printf("loaded %s in %.1f s%n", file, (System.nanoTime() - start) / 1e9);

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("q01_total_sales (2011)", "SELECT * FROM analysis.q01_total_sales('2011-01-01', '2012-01-01')");
        queries.put("q02_average_order_value (all)", "SELECT * FROM analysis.q02_average_order_value('2009-01-01', '2013-01-01')");
        queries.put("q03_active_customers_by_month", "SELECT * FROM analysis.q03_active_customers_by_month");
        queries.put("q04_top_products (top 10)", "SELECT * FROM analysis.q04_top_products WHERE revenue_rank <= 10");
        queries.put("q05_revenue_by_country (all)", "SELECT * FROM analysis.q05_revenue_by_country('2009-01-01', '2013-01-01')");
        queries.put("q06_orders_per_customer", "SELECT * FROM analysis.q06_orders_per_customer");
        queries.put("q07_monthly_growth", "SELECT * FROM analysis.q07_monthly_growth");
        queries.put("q08_revenue_running_total", "SELECT * FROM analysis.q08_revenue_running_total");
        queries.put("q09_rfm_customers (all rows)", "SELECT * FROM analysis.q09_rfm_customers");
        queries.put("q09_rfm_segments", "SELECT * FROM analysis.q09_rfm_segments");
        queries.put("q10_cohort_retention", "SELECT * FROM analysis.q10_cohort_retention");
        queries.put("q11_product_pairs (support >= 0.5%)", "SELECT * FROM analysis.q11_product_pairs(0.005)");
        queries.put("q12_pareto_customers (all rows)", "SELECT * FROM analysis.q12_pareto_customers");
        queries.put("q12_pareto_products (all rows)", "SELECT * FROM analysis.q12_pareto_products");
        queries.put("q12_pareto_summary", "SELECT * FROM analysis.q12_pareto_summary");

        String explain = System.getProperty("explain");
        if (explain != null) {
            try (Connection c = target.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + explain)) {
                while (rs.next()) {
                    System.out.println(rs.getString(1));
                }
            }
        }
        System.out.printf("%-38s %6s %9s %9s%n", "query", "rows", "p50 ms", "p95 ms");
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                int rows = 0;
                double[] ms = new double[RUNS];
                for (int i = -WARM_UP; i < RUNS; i++) {
                    long t = System.nanoTime();
                    rows = 0;
                    try (ResultSet rs = s.executeQuery(q.getValue())) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int col = 1; col <= columns; col++) {
                                rs.getObject(col);
                            }
                            rows++;
                        }
                    }
                    if (i >= 0) {
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
                Arrays.sort(ms);
                System.out.printf("%-38s %6d %9.1f %9.1f%n", q.getKey(), rows, ms[RUNS / 2 - 1], ms[(int) Math.ceil(RUNS * 0.95) - 1]);
            }
        }
        System.exit(0);
    }
}
