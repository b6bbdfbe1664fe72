package org.ecom.realdata;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.pipeline.Pipeline;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Online Retail II file for the RealData* tests: found at ../shared/data/ beside the
 * project (or $ECOM_REAL_DATA), loaded once per test run into its own PostgreSQL database, and
 * read a second time here, in plain Java, to give the figures the database must agree with.
 */
final class RealData {

    /** A clean sales line as this independent pass sees it (fields as in the CSV). */
    record CleanLine(String invoice, String stockCode, int quantity, BigDecimal price, String invoiceDate,
                     int customerId, String country) {
        BigDecimal revenue() {
            return price.multiply(BigDecimal.valueOf(quantity));
        }
    }

    private static Pipeline.FileResult loadResult;
    private static DatabaseTarget database;
    private static List<CleanLine> cleanLines;

    private RealData() {
    }

    /** The file, or the calling test is skipped with a loud message saying where it was looked for. */
    static Path file() {
        String configured = System.getenv("ECOM_REAL_DATA");
        Path file = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("ecom.project.root", ".."), "..", "shared", "data", "online_retail_II.csv.gz");
        if (!Files.isRegularFile(file)) {
            System.err.println("\n*** real-data test SKIPPED: the real data file is not at " + file.toAbsolutePath().normalize()
                    + " (set ECOM_REAL_DATA to its path) ***\n");
        }
        Assumptions.assumeTrue(Files.isRegularFile(file), "real data file absent: " + file);
        return file;
    }

    /** The one load of the file, shared by every real-data test (it takes about 20 s). */
    static synchronized Pipeline.FileResult load() throws Exception {
        if (loadResult == null) {
            Path file = file();
            DatabaseTarget target = ContractEngines.freshPostgres();
            loadResult = new Pipeline(target).run(file);
            database = target;
        }
        return loadResult;
    }

    /** The database holding the loaded file. */
    static DatabaseTarget database() throws Exception {
        load();
        return database;
    }

    /**
     * The clean lines, by the rules applied here by hand: a customer, an invoice starting with
     * neither C nor A, quantity and price above zero, and not an exact copy (all eight fields, as
     * text) of an earlier row. A copy breaks the same rules as its original, so only rows passing
     * the others need remembering.
     */
    static synchronized List<CleanLine> cleanLines() throws Exception {
        if (cleanLines == null) {
            List<CleanLine> lines = new ArrayList<>(800_000);
            Set<String> seen = new HashSet<>(1 << 21);
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file()), 1 << 16);
                 CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
                boolean header = true;
                for (CsvRecord r : csv) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    String invoice = r.getField(0);
                    String customer = r.getField(6).strip();
                    if (customer.isEmpty() || invoice.startsWith("C") || invoice.startsWith("A")) {
                        continue;
                    }
                    int quantity = Integer.parseInt(r.getField(3).strip());
                    BigDecimal price = new BigDecimal(r.getField(5).strip());
                    if (quantity <= 0 || price.signum() <= 0 || !seen.add(String.join("\u0001", r.getFields()))) {
                        continue;
                    }
                    lines.add(new CleanLine(invoice, r.getField(1), quantity, price, r.getField(4),
                            new BigDecimal(customer).intValueExact(), r.getField(7)));
                }
            }
            cleanLines = List.copyOf(lines);
        }
        return cleanLines;
    }
}
