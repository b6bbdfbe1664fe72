package org.ecom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.SQLException;
import org.ecom.db.BatchGovernance;
import org.ecom.db.DatabaseTarget;
import org.ecom.ingest.Loader;

/** Loads one file with progress on stderr and its governance report on stdout: shared by load and run. */
final class FileLoad {

    private FileLoad() {
    }

    static Loader.Result loadAndReport(DatabaseTarget target, Path file, PrintStream out) throws IOException, SQLException {
        long start = System.nanoTime();
        Loader.Result result;
        try (Console.RowProgress progress = new Console.RowProgress("loading " + file.getFileName())) {
            result = new Loader(target).load(file, progress);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.alreadyLoaded()) {
            out.println(file.getFileName() + " was already loaded as batch " + result.batchId() + ": nothing added.");
        } else {
            out.printf("%s loaded as batch %d in %.1f s%n", file.getFileName(), result.batchId(), millis / 1000.0);
        }
        print(result.governance(), out);
        return result;
    }

    static void print(BatchGovernance g, PrintStream out) {
        row(out, "rows read", g.rowsRead());
        row(out, "rejected (unreadable)", g.rowsRejected());
        row(out, "without customer", g.missingCustomerRows());
        row(out, "exact duplicates", g.duplicateRows());
        row(out, "cancellation rows", g.cancellationRows());
        row(out, "cancellation invoices", g.cancellationInvoices());
        row(out, "adjustment rows", g.adjustmentRows());
        row(out, "quantity <= 0", g.nonPositiveQuantityRows());
        row(out, "price <= 0", g.nonPositivePriceRows());
        row(out, "clean sales lines", g.cleanRows());
        out.printf("  %-24s %15s%n", "clean revenue",
                String.format(java.util.Locale.UK, "%,.2f", g.cleanRevenue().setScale(2, RoundingMode.HALF_UP)));
        row(out, "customers", g.cleanCustomers());
        out.println("  (a row can break several rules: the exclusion counts overlap)");
    }

    private static void row(PrintStream out, String label, long value) {
        out.printf("  %-24s %15s%n", label, Console.count(value));
    }
}
