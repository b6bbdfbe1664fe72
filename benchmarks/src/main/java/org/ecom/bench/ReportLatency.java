package org.ecom.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Dialect;

/**
 * Not a test: times every reporting query as Power BI DirectQuery sends it, one query per visual,
 * and prints p50/p95/max per query as a Markdown table. The queries are discovered, not listed:
 * every view of the given schemas (information_schema.views; default kpi and analysis), read as
 * {@code SELECT * FROM view}, and every set-returning function of those schemas that takes
 * exactly (date, date), called with the full date range of the data (the first and last
 * sales.invoice date). Every row and column is fetched, on one open connection; 5 warm-up runs,
 * then 50 timed ones (nearest-rank percentiles). The sales fact of the Power BI model,
 * kpi.customer_month_sales, is also timed as its visuals query it, aggregated
 * ({@link #FACT_AGGREGATIONS}): DirectQuery never fetches a fact whole.
 *
 * <p>Arguments (all optional):
 * <pre>
 *   --url JDBC_URL      the database to time, as it is (default: $ECOM_DB_URL; credentials in the
 *                       URL or $ECOM_DB_USER / $ECOM_DB_PASSWORD). Without a URL the real file is
 *                       loaded into a fresh embedded PostgreSQL first (KpiLatency.loadRealFile).
 *   --schemas a,b       schemas to discover (default kpi,analysis)
 *   --limit-ms N        exit 1 when a query's p95 exceeds N ms (default: no limit, exit 0)
 *   --warm-up N --runs N
 *   --monthly-csv FILE  also write month_start,revenue,orders,active_customers of
 *                       kpi.monthly_revenue to FILE (the totals benchmarks/duckdb-reference.py
 *                       checks its own against)
 * </pre>
 * Run it with benchmarks/report-latency.sh (or kpi-latency.sh for the kpi views alone).
 */
public final class ReportLatency {

    /** One reporting query: a label for the table and the SQL (with two date parameters, or none). */
    record Query(String label, String sql, boolean dateRange) { }

    record Timing(Query query, long rows, double p50, double p95, double max) { }

    /** What the report's visuals send to the sales fact: a trend, a country breakdown, one country's trend. */
    static final List<Query> FACT_AGGREGATIONS = List.of(
            new Query("kpi.customer_month_sales: revenue by month",
                    "SELECT month_start, SUM(revenue), SUM(orders), COUNT(DISTINCT customer_id) FROM kpi.customer_month_sales"
                            + " GROUP BY month_start", false),
            new Query("kpi.customer_month_sales: revenue by country",
                    "SELECT country_name, SUM(revenue) FROM kpi.customer_month_sales GROUP BY country_name", false),
            new Query("kpi.customer_month_sales: one country by month",
                    "SELECT month_start, SUM(revenue) FROM kpi.customer_month_sales WHERE country_name = 'France'"
                            + " GROUP BY month_start", false));

    public static void main(String[] args) throws Exception {
        String url = System.getenv("ECOM_DB_URL");
        List<String> schemas = List.of("kpi", "analysis");
        Double limitMs = null;
        int warmUp = KpiLatency.WARM_UP;
        int runs = KpiLatency.RUNS;
        Path monthlyCsv = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = value;
                case "--schemas" -> schemas = List.of(value.split(","));
                case "--limit-ms" -> limitMs = Double.valueOf(value);
                case "--warm-up" -> warmUp = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--monthly-csv" -> monthlyCsv = Path.of(value);
                default -> {
                    System.err.println("ReportLatency: unknown argument " + args[i]
                            + " (--url, --schemas, --limit-ms, --warm-up, --runs, --monthly-csv)");
                    System.exit(2);
                }
            }
            i++;
        }
        DatabaseTarget target = url == null || url.isBlank() ? KpiLatency.loadRealFile()
                : DatabaseTarget.of(url, System.getenv("ECOM_DB_USER"), System.getenv("ECOM_DB_PASSWORD"));
        List<Timing> timings = new ArrayList<>();
        try (Connection c = target.connect()) {
            List<Query> queries = discover(c, target.dialect(), schemas);
            Object[] range = dateRange(c);
            System.out.printf("%n%s %s at %s%n", c.getMetaData().getDatabaseProductName(),
                    c.getMetaData().getDatabaseProductVersion(), target);
            System.out.printf("%d queries in schemas %s; functions called with (%s, %s); %d warm-up runs, then %d timed runs each%n%n",
                    queries.size(), String.join(", ", schemas), range[0], range[1], warmUp, runs);
            for (Query q : queries) {
                timings.add(time(c, q, range, warmUp, runs));
            }
            if (monthlyCsv != null) {
                writeMonthly(c, monthlyCsv);
            }
        }
        System.out.println("| query | rows | p50 ms | p95 ms | max ms |" + (limitMs == null ? "" : " p95 <= " + fmt(limitMs) + " ms |"));
        System.out.println("|-------|-----:|-------:|-------:|-------:|" + (limitMs == null ? "" : "---|"));
        boolean within = true;
        for (Timing t : timings) {
            boolean ok = limitMs == null || t.p95() <= limitMs;
            within &= ok;
            System.out.printf("| `%s` | %d | %.2f | %.2f | %.2f |%s%n", t.query().label(), t.rows(), t.p50(), t.p95(), t.max(),
                    limitMs == null ? "" : ok ? " yes |" : " **NO** |");
        }
        if (limitMs != null) {
            System.out.println();
            System.out.println(within ? "every query within p95 <= " + fmt(limitMs) + " ms"
                    : "SOME QUERIES ABOVE p95 " + fmt(limitMs) + " ms");
        }
        System.exit(within ? 0 : 1);
    }

    /** The views, then the (date, date) set-returning functions, of the schemas, by name. */
    static List<Query> discover(Connection c, Dialect dialect, List<String> schemas) throws Exception {
        List<Query> queries = new ArrayList<>();
        String in = String.join(",", schemas.stream().map(s -> "?").toList());
        try (PreparedStatement p = c.prepareStatement("SELECT table_schema, table_name FROM information_schema.views"
                + " WHERE table_schema IN (" + in + ") ORDER BY table_schema, table_name")) {
            bind(p, schemas);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String name = r.getString(1) + "." + r.getString(2);
                    queries.add(new Query(name, "SELECT * FROM " + name, false));
                }
            }
        }
        if (schemas.contains("kpi")) {
            queries.addAll(FACT_AGGREGATIONS);
        }
        // Set-returning functions taking exactly two dates. PostgreSQL: pg_proc (proretset);
        // SQL Server: table-valued functions (INFORMATION_SCHEMA.ROUTINES.DATA_TYPE = 'TABLE').
        String functions = dialect == Dialect.POSTGRESQL
                ? "SELECT n.nspname, p.proname FROM pg_proc AS p JOIN pg_namespace AS n ON n.oid = p.pronamespace"
                        + " WHERE n.nspname IN (" + in + ") AND p.proretset AND p.prokind = 'f'"
                        + " AND p.proargtypes = '1082 1082'::oidvector ORDER BY 1, 2"
                : "SELECT r.ROUTINE_SCHEMA, r.ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES AS r"
                        + " WHERE r.ROUTINE_SCHEMA IN (" + in + ") AND r.DATA_TYPE = 'TABLE'"
                        + " AND (SELECT COUNT(*) FROM INFORMATION_SCHEMA.PARAMETERS AS a WHERE a.SPECIFIC_SCHEMA = r.SPECIFIC_SCHEMA"
                        + "      AND a.SPECIFIC_NAME = r.SPECIFIC_NAME AND a.ORDINAL_POSITION > 0) = 2"
                        + " AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.PARAMETERS AS a WHERE a.SPECIFIC_SCHEMA = r.SPECIFIC_SCHEMA"
                        + "      AND a.SPECIFIC_NAME = r.SPECIFIC_NAME AND a.ORDINAL_POSITION > 0 AND a.DATA_TYPE <> 'date')"
                        + " ORDER BY 1, 2";
        try (PreparedStatement p = c.prepareStatement(functions)) {
            bind(p, schemas);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String name = r.getString(1) + "." + r.getString(2);
                    queries.add(new Query(name + "(from, to)", "SELECT * FROM " + name + "(?, ?)", true));
                }
            }
        }
        return queries;
    }

    private static void bind(PreparedStatement p, List<String> values) throws Exception {
        for (int i = 0; i < values.size(); i++) {
            p.setString(i + 1, values.get(i));
        }
    }

    /** The first and last day with a sales invoice: the full range of the data. */
    static Object[] dateRange(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT CAST(MIN(invoice_date) AS date), CAST(MAX(invoice_date) AS date) FROM sales.invoice")) {
            r.next();
            return new Object[] {r.getDate(1), r.getDate(2)};
        }
    }

    static Timing time(Connection c, Query q, Object[] range, int warmUp, int runs) throws Exception {
        long rows = 0;
        for (int i = 0; i < warmUp; i++) {
            rows = fetchAll(c, q, range);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            fetchAll(c, q, range);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(q, rows, KpiLatency.percentile(ms, 50), KpiLatency.percentile(ms, 95), ms[ms.length - 1]);
    }

    /** Runs the query and reads every column of every row, as a client would. */
    static long fetchAll(Connection c, Query q, Object[] range) throws Exception {
        long rows = 0;
        try (PreparedStatement p = c.prepareStatement(q.sql())) {
            if (q.dateRange()) {
                p.setObject(1, range[0]);
                p.setObject(2, range[1]);
            }
            try (ResultSet r = p.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int i = 1; i <= columns; i++) {
                        r.getObject(i);
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void writeMonthly(Connection c, Path file) throws Exception {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT month_start, revenue, orders, active_customers FROM kpi.monthly_revenue ORDER BY month_start");
                PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("month_start,revenue,orders,active_customers");
            while (r.next()) {
                w.printf("%s,%s,%d,%d%n", r.getDate(1), r.getBigDecimal(2).toPlainString(), r.getLong(3), r.getLong(4));
            }
        }
    }

    private static String fmt(double ms) {
        return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
    }
}
