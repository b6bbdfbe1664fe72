package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.GovernanceContractTest;
import org.junit.jupiter.api.Test;

/**
 * Anomaly detection on the real Online Retail II file: the database's counts against the same
 * statistics computed here in plain Java from the CSV itself (FastCSV, the clean-line rules
 * applied by hand, nothing of the loader). Skips loudly when the file is absent (see RealDataTest).
 */
class RealDataAnomalyTest {

    /** The clean lines of the file, read independently of the loader and the database. */
    private record CleanLines(List<Integer> quantities, Map<String, List<double[]>> byProduct) {
    }

    /**
     * Clean: a customer, not an exact duplicate of an earlier row (all eight fields equal as
     * text), invoice not starting with C or A, quantity > 0, price > 0. A duplicate has the same
     * fields as its original, so only rows passing the other rules need remembering.
     */
    private static CleanLines readCleanLines(Path file) throws IOException {
        List<Integer> quantities = new ArrayList<>(800_000);
        Map<String, List<double[]>> byProduct = new HashMap<>();
        Set<String> seen = new HashSet<>(1_200_000);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                String invoice = r.getField(0);
                String stockCode = r.getField(1);
                int quantity = Integer.parseInt(r.getField(3).strip());
                double price = Double.parseDouble(r.getField(5).strip());
                boolean candidate = !r.getField(6).isBlank() && !invoice.startsWith("C") && !invoice.startsWith("A")
                        && quantity > 0 && price > 0;
                if (candidate && seen.add(String.join("\u0001", r.getFields()))) {
                    quantities.add(quantity);
                    byProduct.computeIfAbsent(stockCode, k -> new ArrayList<>()).add(new double[] {quantity, price});
                }
            }
        }
        return new CleanLines(quantities, byProduct);
    }

    /** percentile_cont(0.5): the middle value, or the interpolation of the two middle ones. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        double lo = sorted[(n - 1) / 2];
        double hi = sorted[n / 2];
        return lo + 0.5 * (hi - lo);
    }

    /** Lines flagged by the robust per-product rule of quality.detect_robust_product_anomalies. */
    private static long robustFlags(Map<String, List<double[]>> byProduct, int column, double threshold) {
        long flagged = 0;
        for (List<double[]> lines : byProduct.values()) {
            if (lines.size() < 20) {
                continue;
            }
            double[] x = lines.stream().mapToDouble(l -> l[column]).toArray();
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            double med = median(sorted);
            double[] dev = Arrays.stream(x).map(v -> Math.abs(v - med)).toArray();
            double meanAd = Arrays.stream(dev).sum() / dev.length;
            Arrays.sort(dev);
            double mad = median(dev);
            for (double v : x) {
                double z = mad > 0 ? 0.6745 * (v - med) / mad
                        : meanAd > 0 ? (v - med) / (1.253314 * meanAd) : 0;
                if (Math.abs(z) > threshold) {
                    flagged++;
                }
            }
        }
        return flagged;
    }

    @Test
    void theDatabaseFlagsWhatThePlainJavaComputationFlags() throws Exception {
        Path file = RealDataTest.realFile();

        CleanLines clean = readCleanLines(file);
        List<Integer> q = clean.quantities();
        assertEquals(779_425, q.size(), "clean lines read straight from the CSV");
        double mean = q.stream().mapToDouble(Integer::doubleValue).sum() / q.size();
        double sumSq = q.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sdPopulation = Math.sqrt(sumSq / q.size());
        double sdSample = Math.sqrt(sumSq / (q.size() - 1));
        long zPopulation = q.stream().filter(v -> Math.abs((v - mean) / sdPopulation) > 3).count();
        long zSample = q.stream().filter(v -> Math.abs((v - mean) / sdSample) > 3).count();
        long robustQuantity = robustFlags(clean.byProduct(), 0, 3.5);
        long robustPrice = robustFlags(clean.byProduct(), 1, 3.5);
        System.out.printf("RealDataAnomalyTest: mean %.6f, population sd %.6f (|z| > 3: %d), sample sd %.6f (%d);"
                + " robust per product: quantity %d, price %d%n",
                mean, sdPopulation, zPopulation, sdSample, zSample, robustQuantity, robustPrice);
        assertEquals(1_180, zPopulation, "the figure of the original analysis");

        DatabaseTarget target = ContractEngines.freshPostgres();
        new Loader(target).load(file, rows -> { });
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            s.execute("CALL quality.detect_quantity_anomalies()");
            long quantityMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            s.execute("CALL quality.detect_price_anomalies()");
            long priceMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("RealDataAnomalyTest: detect_quantity_anomalies %d ms, detect_price_anomalies %d ms%n",
                    quantityMs, priceMs);

            assertEquals(String.valueOf(zPopulation), count(c, "quantity_zscore"));
            assertEquals("1180", count(c, "quantity_zscore"));
            assertEquals("1180", GovernanceContractTest.scalar(c, "SELECT COUNT(*) FROM sales.invoice_line"
                    + " WHERE quantity >= 452"), "mean + 3 sd = 451.06: |z| > 3 is every quantity from 452 up");
            assertEquals(String.valueOf(robustQuantity), count(c, "quantity_robust_product"));
            assertEquals(String.valueOf(robustPrice), count(c, "price_robust_product"));

            String onlyRobust = GovernanceContractTest.scalar(c, "SELECT COUNT(*) FROM quality.anomaly AS r"
                    + " WHERE r.method = 'quantity_robust_product' AND r.score > 0 AND NOT EXISTS (SELECT 1"
                    + " FROM quality.anomaly AS z WHERE z.method = 'quantity_zscore'"
                    + " AND z.invoice_line_id = r.invoice_line_id)");
            String bigOrdersOfOnes = GovernanceContractTest.scalar(c, "SELECT COUNT(*) FROM kpi.quantity_anomaly AS v"
                    + " WHERE v.method = 'quantity_robust_product' AND v.quantity >= 100 AND v.quantity < 452"
                    + " AND v.stock_code IN (SELECT l.stock_code FROM sales.invoice_line AS l GROUP BY l.stock_code"
                    + " HAVING percentile_cont(0.5) WITHIN GROUP (ORDER BY l.quantity) = 1)");
            System.out.printf("RealDataAnomalyTest: %s lines above their product's usual quantity that the global z"
                    + " misses; %s of them orders of 100 to 451 units of a product whose median line is 1 unit%n",
                    onlyRobust, bigOrdersOfOnes);
            assertTrue(Integer.parseInt(bigOrdersOfOnes) > 0, "the robust method sees what the global z cannot");

            s.execute("CALL quality.detect_quantity_anomalies()");
            assertEquals("1180", count(c, "quantity_zscore"), "a second run replaces, never duplicates");
        }
    }

    private static String count(Connection c, String method) throws Exception {
        return GovernanceContractTest.scalar(c, "SELECT COUNT(*) FROM quality.anomaly WHERE method = '" + method + "'");
    }
}
