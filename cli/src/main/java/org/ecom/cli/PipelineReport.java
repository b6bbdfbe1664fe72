package org.ecom.cli;

import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.ecom.db.BatchGovernance;
import org.ecom.pipeline.AnomalyDetection;
import org.ecom.pipeline.Pipeline;

/**
 * What load and run print while the pipeline works: progress and stages on stderr, each file's
 * governance report and the anomaly counts on stdout.
 */
final class PipelineReport implements Pipeline.Listener {

    /** A stage's "still working" line every 5 s (-Decom.progressMillis overrides): a minute of silence invites Ctrl-C. */
    private static final long STAGE_TICK_MILLIS = Long.getLong("ecom.progressMillis", 5_000L);

    private final PrintStream out;
    private final boolean oneLinePerFile;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "stage-progress");
        thread.setDaemon(true);
        return thread;
    });
    private Console.RowProgress progress;
    private ScheduledFuture<?> stageTick;
    private long fileStart;

    /** Each file's full governance report. */
    PipelineReport(PrintStream out) {
        this(out, false);
    }

    /** With {@code oneLinePerFile}, a line per file instead (a folder of daily files). */
    PipelineReport(PrintStream out, boolean oneLinePerFile) {
        this.out = out;
        this.oneLinePerFile = oneLinePerFile;
    }

    @Override
    public LongConsumer rowsRead(Path file) {
        fileStart = System.nanoTime();
        return progress("loading " + file.getFileName());
    }

    /** Rows of {@code what} so far, shown until the next stage, wait or result (./ecom sync's copies too). */
    LongConsumer progress(String what) {
        closeProgress();
        progress = new Console.RowProgress(what);
        return progress;
    }

    @Override
    public void stageStarted(String stage) {
        closeProgress();
        Console.status(stage + "...");
        long start = System.nanoTime();
        stageTick = ticker.scheduleAtFixedRate(() -> Console.status(stage + ": still working ("
                        + (System.nanoTime() - start) / 1_000_000_000 + " s)"),
                STAGE_TICK_MILLIS, STAGE_TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void fileDone(Pipeline.FileResult result) {
        closeProgress();
        String name = result.file().getFileName().toString();
        if (oneLinePerFile) {
            printLine(name, result);
            return;
        }
        if (result.alreadyLoaded()) {
            out.println(name + " was already loaded as batch " + result.batchId() + ": nothing added.");
        } else {
            out.printf("%s loaded as batch %d in %.1f s%n", name, result.batchId(), (System.nanoTime() - fileStart) / 1e9);
        }
        print(result.governance());
    }

    @Override
    public void waiting(String message) {
        closeProgress();
        Console.status(message);
    }

    void printAnomalies(AnomalyDetection.Counts anomalies) {
        closeProgress();
        row("quantity anomalies", anomalies.quantityZscore());
        row("  unusual for product", anomalies.quantityByProduct());
        row("price anomalies", anomalies.priceByProduct());
    }

    /** Ends the row progress or a stage's ticking, whichever is on. */
    void closeProgress() {
        if (stageTick != null) {
            stageTick.cancel(false);
            stageTick = null;
        }
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }

    private void print(BatchGovernance g) {
        row("rows read", g.rowsRead());
        row("rejected (unreadable)", g.rowsRejected());
        row("without customer", g.missingCustomerRows());
        row("exact duplicates", g.duplicateRows());
        row("cancellation rows", g.cancellationRows());
        row("cancellation invoices", g.cancellationInvoices());
        row("adjustment rows", g.adjustmentRows());
        row("quantity <= 0", g.nonPositiveQuantityRows());
        row("price <= 0", g.nonPositivePriceRows());
        row("clean sales lines", g.cleanRows());
        out.printf("  %-24s %15s%n", "clean revenue",
                String.format(Locale.UK, "%,.2f", g.cleanRevenue().setScale(2, RoundingMode.HALF_UP)));
        row("customers", g.cleanCustomers());
        out.println("  (a row can break several rules: the exclusion counts overlap)");
    }

    private void printLine(String name, Pipeline.FileResult result) {
        BatchGovernance g = result.governance();
        if (result.alreadyLoaded()) {
            out.printf("%s: already loaded as batch %d, skipped%n", name, result.batchId());
        } else {
            out.printf(Locale.UK, "%s: batch %d, %s rows, %s clean, revenue %,.2f, %s duplicates, %s rejected, %.1f s%n",
                    name, result.batchId(), Console.count(g.rowsRead()), Console.count(g.cleanRows()),
                    g.cleanRevenue().setScale(2, RoundingMode.HALF_UP), Console.count(g.duplicateRows()),
                    Console.count(g.rowsRejected()), (System.nanoTime() - fileStart) / 1e9);
        }
    }

    private void row(String label, long value) {
        out.printf("  %-24s %15s%n", label, Console.count(value));
    }
}
