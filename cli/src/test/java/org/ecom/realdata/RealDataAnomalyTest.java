package org.ecom.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecom.db.Rows;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Anomaly detection on the real Online Retail II file: the database's counts against the same
 * statistics computed here in plain Java from the CSV itself (FastCSV, the clean-line rules
 * applied by hand in {@link RealData}, nothing of the loader). Skips loudly when the file is absent.
 */
@Tag("real-data")
class RealDataAnomalyTest {

    /** The clean lines of the file, read independently of the loader and the database. */
    /** Quantity and price of each clean line, grouped by product, for the robust method. */
    private static Map<String, List<double[]>> byProduct(List<RealData.CleanLine> lines) {
        Map<String, List<double[]>> byProduct = new HashMap<>();
        for (RealData.CleanLine l : lines) {
            byProduct.computeIfAbsent(l.stockCode(), k -> new ArrayList<>()).add(new double[] {l.quantity(), l.price().doubleValue()});
        }
        return byProduct;
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
        List<RealData.CleanLine> clean = RealData.cleanLines();
        List<Integer> q = clean.stream().map(RealData.CleanLine::quantity).toList();
        assertEquals(779_425, q.size(), "clean lines read straight from the CSV");
        double mean = q.stream().mapToDouble(Integer::doubleValue).sum() / q.size();
        double sumSq = q.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sdPopulation = Math.sqrt(sumSq / q.size());
        double sdSample = Math.sqrt(sumSq / (q.size() - 1));
        long zPopulation = q.stream().filter(v -> Math.abs((v - mean) / sdPopulation) > 3).count();
        long zSample = q.stream().filter(v -> Math.abs((v - mean) / sdSample) > 3).count();
        Map<String, List<double[]>> byProduct = byProduct(clean);
        long robustQuantity = robustFlags(byProduct, 0, 3.5);
        long robustPrice = robustFlags(byProduct, 1, 3.5);
        System.out.printf("RealDataAnomalyTest: mean %.6f, population sd %.6f (|z| > 3: %d), sample sd %.6f (%d);"
                + " robust per product: quantity %d, price %d%n",
                mean, sdPopulation, zPopulation, sdSample, zSample, robustQuantity, robustPrice);
        assertEquals(1_180, zPopulation, "the figure of the original analysis");

        try (Connection c = RealData.database().connect(); Statement s = c.createStatement()) {
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
            assertEquals("1180", Rows.scalar(c, "SELECT COUNT(*) FROM sales.invoice_line"
                    + " WHERE quantity >= 452"), "mean + 3 sd = 451.06: |z| > 3 is every quantity from 452 up");
            assertEquals(String.valueOf(robustQuantity), count(c, "quantity_robust_product"));
            assertEquals(String.valueOf(robustPrice), count(c, "price_robust_product"));

            String onlyRobust = Rows.scalar(c, "SELECT COUNT(*) FROM quality.anomaly AS r"
                    + " WHERE r.method = 'quantity_robust_product' AND r.score > 0 AND NOT EXISTS (SELECT 1"
                    + " FROM quality.anomaly AS z WHERE z.method = 'quantity_zscore'"
                    + " AND z.invoice_line_id = r.invoice_line_id)");
            String bigOrdersOfOnes = Rows.scalar(c, "SELECT COUNT(*) FROM quality.anomaly AS v"
                    + " JOIN sales.invoice_line AS l ON l.invoice_line_id = v.invoice_line_id"
                    + " WHERE v.method = 'quantity_robust_product' AND l.quantity >= 100 AND l.quantity < 452"
                    + " AND l.stock_code IN (SELECT p.stock_code FROM sales.invoice_line AS p GROUP BY p.stock_code"
                    + " HAVING percentile_cont(0.5) WITHIN GROUP (ORDER BY p.quantity) = 1)");
            System.out.printf("RealDataAnomalyTest: %s lines above their product's usual quantity that the global z"
                    + " misses; %s of them orders of 100 to 451 units of a product whose median line is 1 unit%n",
                    onlyRobust, bigOrdersOfOnes);
            assertTrue(Integer.parseInt(bigOrdersOfOnes) > 0, "the robust method sees what the global z cannot");

            s.execute("CALL quality.detect_quantity_anomalies()");
            assertEquals("1180", count(c, "quantity_zscore"), "a second run replaces, never duplicates");
            assertEquals("1180", Rows.scalar(c, "SELECT COUNT(*) FROM kpi.quantity_anomaly"));
        }
    }

    private static String count(Connection c, String method) throws Exception {
        return Rows.scalar(c, "SELECT COUNT(*) FROM quality.anomaly WHERE method = '" + method + "'");
    }
}
