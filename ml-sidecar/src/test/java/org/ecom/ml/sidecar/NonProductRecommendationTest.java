package org.ecom.ml.sidecar;

import static org.ecom.db.Rows.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecom.db.ContractEngines;
import org.ecom.db.ContractEngines.Engine;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.ml.ModelKind;
import org.ecom.pipeline.Pipeline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Postage, manual lines and gift vouchers planted as the most popular stock codes of a generated
 * file (on every invoice of half of the customers) are never recommended: the job reads only
 * products, by the database's rule (sales.product_class).
 */
@DatabaseTest
class NonProductRecommendationTest {

    private static final int ROWS = 8_000;
    private static final List<String[]> PLANTED = List.of(
            new String[] {"POST", "POSTAGE", "18.0"},
            new String[] {"M", "Manual", "2.5"},
            new String[] {"gift_0001_20", "Dotcomgiftshop Gift Voucher £20.00", "17.39"});
    // Invoice, then the last fields: date, price, customer id (the description may hold commas).
    private static final Pattern LINE = Pattern.compile(
            "^(\\w+),(\\w+),.*,(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d),[^,]*,(\\d+)\\.0,(.*)$");

    static List<Engine> engines() {
        return ContractEngines.all().toList();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void plantedNonProductsAreNeverRecommended(Engine engine) throws Exception {
        DatabaseTarget target = engine.freshDatabase();
        new Pipeline(target).run(plantedFile());
        String plantedCodes = "('POST', 'M', 'gift_0001_20')";
        long plantedBuyers = number(target, "SELECT MIN(n) FROM (SELECT COUNT(DISTINCT i.customer_id) AS n"
                + " FROM sales.invoice_line AS l JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no"
                + " WHERE l.stock_code IN " + plantedCodes + " GROUP BY l.stock_code) AS p");
        long productBuyers = number(target, "SELECT MAX(n) FROM (SELECT COUNT(DISTINCT i.customer_id) AS n"
                + " FROM sales.invoice_line AS l JOIN sales.invoice AS i ON i.invoice_no = l.invoice_no"
                + " WHERE l.stock_code NOT IN " + plantedCodes + " GROUP BY l.stock_code) AS p");
        assertTrue(plantedBuyers > productBuyers, "the planted codes are the most popular: " + plantedBuyers
                + " buyers against at most " + productBuyers + " for a product");

        SidecarSettings settings = new SidecarSettings(List.of(ModelKind.RECOMMENDATIONS), 3, Duration.ZERO, 1,
                Duration.ofMillis(10), Optional.empty());
        SidecarReport report = new Sidecar(target, settings, SidecarJobs.standard(42, Path.of("target", "djl-cache")),
                line -> { }).runOnce();

        assertTrue(report.allSucceeded(), report.toString());
        assertTrue(number(target, "SELECT COUNT(*) FROM ml.current_product_recommendation") > 0);
        assertEquals(0, number(target, "SELECT COUNT(*) FROM ml.product_recommendation AS r"
                + " JOIN sales.product_class AS k ON k.stock_code = r.stock_code"
                + " WHERE k.product_category <> 'product' OR r.stock_code IN " + plantedCodes), "non-products recommended");
        assertEquals(0, number(target, "SELECT COUNT(*) FROM ml.current_product_recommendation"
                + " WHERE stock_code IN " + plantedCodes), "non-products in the current recommendations");
    }

    /** A generated file with the planted codes added, once each, to every sale of the customers with an even id. */
    private static Path plantedFile() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "non-product-test"));
        Path generated = dir.resolve("generated.csv");
        new RetailDataGenerator(new GeneratorSettings(ROWS, 11)).write(generated);
        List<String> lines = Files.readAllLines(generated);
        Map<String, Set<String>> codesByInvoice = new HashMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                codesByInvoice.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
            }
        }
        List<String> out = new ArrayList<>(lines);
        Set<String> planted = new HashSet<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && !m.group(1).startsWith("C") && Integer.parseInt(m.group(4)) % 2 == 0
                    && planted.add(m.group(1))) {
                for (String[] code : PLANTED) {
                    if (!codesByInvoice.get(m.group(1)).contains(code[0])) {
                        out.add(String.join(",", m.group(1), code[0], code[1], "1", m.group(3), code[2],
                                m.group(4) + ".0", m.group(5)));
                    }
                }
            }
        }
        Path file = dir.resolve("planted.csv");
        Files.write(file, out);
        return file;
    }
}
