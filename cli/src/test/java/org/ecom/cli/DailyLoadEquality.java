package org.ecom.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.ecom.db.DatabaseTarget;
import org.ecom.pipeline.Pipeline;

/**
 * A data set cut into daily files by invoice date, and what a database shows after loading them:
 * the tools of the tests that prove a load file by file ends where a load of everything at once
 * does.
 */
public final class DailyLoadEquality {

    /** Columns that name a load, not a fact: they differ between the two ways of loading by design. */
    private static final Set<String> LOAD_COLUMNS = Set.of("batch_id", "file_name", "invoice_line_id");

    /** The analysis functions, called over the whole data. */
    private static final List<String> FUNCTION_CALLS = List.of(
            "analysis.q01_total_sales(DATE '2009-01-01', DATE '2013-01-01')",
            "analysis.q02_average_order_value(DATE '2009-01-01', DATE '2013-01-01')",
            "analysis.q05_revenue_by_country(DATE '2009-01-01', DATE '2013-01-01')",
            "analysis.q11_product_pairs(0.001)");

    /** quality.anomaly by the line's facts rather than its ids, the detection time left out. */
    private static final String ANOMALY_ROWS = "SELECT l.invoice_no, l.stock_code, l.quantity, l.unit_price, a.method,"
            + " a.score, a.threshold FROM quality.anomaly AS a"
            + " JOIN sales.invoice_line AS l ON l.invoice_line_id = a.invoice_line_id";

    private DailyLoadEquality() {
    }

    /**
     * Loads the files one {@code ./ecom load} each, as a daily job does: each file's batch, then
     * anomaly detection over what it added.
     */
    public static void loadOneByOne(DatabaseTarget target, List<Path> files) throws IOException, SQLException {
        Pipeline pipeline = new Pipeline(target);
        for (Path file : files) {
            pipeline.run(List.of(file), Pipeline.Listener.QUIET);
        }
    }

    /**
     * Cuts {@code source} (CSV or .csv.gz, Online Retail II layout) into files in {@code dir}: one
     * of every day before its last {@code days} days with sales, then one per day. Returned in the
     * order to load them, with two made late: the third day's file comes after the others (a file
     * out of date order), and the lines of one cancellation invoice of the daily part (with a
     * customer) in a file of their own after that (a cancellation arriving days after its sale).
     */
    public static List<Path> split(Path source, Path dir, int days) throws IOException {
        TreeSet<String> dates = new TreeSet<>();
        forEachRecord(source, r -> dates.add(date(r)));
        List<String> daily = new ArrayList<>(dates.tailSet(new ArrayList<>(dates).get(dates.size() - days)));
        String firstDay = daily.get(0);
        String[] lateCancellation = new String[1];
        forEachRecord(source, r -> {
            String day = date(r);
            if (lateCancellation[0] == null && r.getField(0).startsWith("C") && !r.getField(6).isBlank()
                    && day.compareTo(firstDay) >= 0 && !day.equals(daily.get(days - 1))) {
                lateCancellation[0] = r.getField(0);
            }
        });
        if (lateCancellation[0] == null) {
            throw new IllegalStateException("no cancellation with a customer in the last " + days + " days of " + source);
        }

        Map<String, Path> fileOfDay = new TreeMap<>();
        Path history = dir.resolve("0000-history.csv");
        Path cancellation = dir.resolve("9999-late-cancellation.csv");
        Map<Path, CsvWriter> writers = new HashMap<>();
        try {
            forEachRecord(source, r -> {
                String day = date(r);
                Path file = r.getField(0).equals(lateCancellation[0]) ? cancellation
                        : day.compareTo(firstDay) < 0 ? history
                        : fileOfDay.computeIfAbsent(day, d -> dir.resolve("day-" + d + ".csv"));
                writers.computeIfAbsent(file, DailyLoadEquality::writer).writeRecord(r.getFields());
            });
        } finally {
            for (CsvWriter writer : writers.values()) {
                writer.close();
            }
        }
        List<Path> order = new ArrayList<>();
        order.add(history);
        Path late = fileOfDay.get(daily.get(2));
        fileOfDay.values().stream().filter(f -> !f.equals(late)).forEach(order::add);
        order.add(late);
        order.add(cancellation);
        return order;
    }

    /**
     * Every mart table and every kpi and analysis view but those over model runs (and the analysis functions over the whole
     * data), and the rows of quality.anomaly, each as sorted rows of text: decimals as stored (so to the cent and beyond), floats to
     * six decimals, country ids as names, the columns naming a load left out and, of a view by
     * batch, only the overall row.
     */
    public static Map<String, List<String>> state(DatabaseTarget target) throws SQLException {
        Map<String, List<String>> state = new LinkedHashMap<>();
        try (Connection c = target.connect()) {
            Map<String, String> countries = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT country_id, country_name FROM sales.country")) {
                while (r.next()) {
                    countries.put(r.getString(1), r.getString(2));
                }
            }
            List<String> relations = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                            + " WHERE table_schema IN ('mart', 'kpi', 'analysis')"
                            // Views over the sidecar's runs show models, not loads: the runs differ.
                            + " AND (table_schema, table_name) NOT IN (SELECT view_schema, view_name"
                            + " FROM information_schema.view_table_usage WHERE table_schema = 'ml') ORDER BY 1")) {
                while (r.next()) {
                    relations.add(r.getString(1));
                }
            }
            relations.addAll(FUNCTION_CALLS);
            for (String relation : relations) {
                state.put(relation, rows(c, "SELECT * FROM " + relation, countries));
            }
            state.put("quality.anomaly", rows(c, ANOMALY_ROWS, countries));
        }
        return state;
    }

    /** Each relation whose rows differ, with the first row that does (empty when the states are equal). */
    public static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, List<String>> relation : expected.entrySet()) {
            List<String> want = relation.getValue();
            List<String> got = actual.getOrDefault(relation.getKey(), List.of());
            for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
                String a = i < want.size() ? want.get(i) : "(none)";
                String b = i < got.size() ? got.get(i) : "(none)";
                if (!a.equals(b)) {
                    differences.add(String.format("%s (%d rows against %d): row %d is %s, not %s", relation.getKey(),
                            got.size(), want.size(), i + 1, b, a));
                    break;
                }
            }
        }
        return differences;
    }

    private static List<String> rows(Connection c, String query, Map<String, String> countries) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            ResultSetMetaData meta = r.getMetaData();
            row:
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    Object value = r.getObject(i);
                    if (column.equals("batch_id") && value != null) {
                        continue row;
                    }
                    if (!LOAD_COLUMNS.contains(column)) {
                        values.add(column + "=" + (column.equals("country_id") && value != null
                                ? countries.get(value.toString()) : text(value)));
                    }
                }
                rows.add(String.join("|", values));
            }
        }
        rows.sort(null);
        return rows;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.6f", ((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    private interface RecordAction {
        void accept(CsvRecord record) throws IOException;
    }

    private static void forEachRecord(Path source, RecordAction action) throws IOException {
        try (InputStream file = Files.newInputStream(source);
             InputStream in = source.toString().endsWith(".gz") ? new GZIPInputStream(file, 1 << 16) : file;
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                } else {
                    action.accept(r);
                }
            }
        }
    }

    private static String date(CsvRecord record) {
        return record.getField(4).substring(0, 10);
    }

    private static CsvWriter writer(Path file) {
        try {
            CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
            writer.writeRecord("Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID",
                    "Country");
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
