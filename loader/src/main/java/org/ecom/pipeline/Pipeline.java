package org.ecom.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.ecom.db.BatchGovernance;
import org.ecom.db.DatabaseTarget;
import org.ecom.ingest.InputEncoding;
import org.ecom.ingest.Loader;
import org.jdbi.v3.core.Handle;

/**
 * The data pipeline, the one path from files to reports that {@code ./ecom load} and {@code run}
 * share. Each file is staged, governed, cleaned and summarised in a single transaction: a bad file
 * or an interruption leaves the database as it was, and readers never see sales without their
 * summaries. After the files, anomaly detection runs once (over what they added: its result
 * equals a detection over all clean lines), so quality.anomaly always describes the data just
 * loaded.
 */
public final class Pipeline {

    /** What became of one file, with the time each stage took (load, govern, clean, summarize). */
    public record FileResult(Path file, long batchId, boolean alreadyLoaded, BatchGovernance governance,
                             Map<String, Long> stageMillis) {
    }

    /** Every file's result, the anomalies found afterwards, and how long detection took. */
    public record Result(List<FileResult> files, AnomalyDetection.Counts anomalies, long detectMillis) {
    }

    /** What the pipeline tells its caller while it works. */
    public interface Listener {
        /** Told the rows read so far from the file being loaded, now and then. */
        LongConsumer rowsRead(Path file);

        /** A database stage begins: govern, clean, summarize, detect (they run quietly for seconds). */
        void stageStarted(String stage);

        void fileDone(FileResult result);

        /** Another load holds the database: this one waits for it (the message says for what). */
        default void waiting(String message) {
        }

        /** Says nothing. */
        Listener QUIET = new Listener() {
            public LongConsumer rowsRead(Path file) {
                return rows -> { };
            }

            public void stageStarted(String stage) {
            }

            public void fileDone(FileResult result) {
            }
        };
    }

    private final DatabaseTarget target;
    private final InputEncoding encoding;
    private final RunningStatement running = new RunningStatement();

    /** CSV files read as strict UTF-8. */
    public Pipeline(DatabaseTarget target) {
        this(target, InputEncoding.UTF_8);
    }

    public Pipeline(DatabaseTarget target, InputEncoding encoding) {
        this.target = target;
        this.encoding = encoding;
    }

    /** One file, quietly (the tests and benchmarks load this way). */
    public FileResult run(Path file) throws IOException, SQLException {
        return run(List.of(file), Listener.QUIET).files().get(0);
    }

    /** Loads the files in order, then detects anomalies over everything loaded. */
    public Result run(List<Path> files, Listener listener) throws IOException, SQLException {
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            FileResult result = load(file, listener);
            listener.fileDone(result);
            results.add(result);
        }
        long detectStart = System.nanoTime();
        listener.stageStarted("detect");
        AnomalyDetection.Counts anomalies = AnomalyDetection.run(target, listener);
        return new Result(results, anomalies, elapsedSince(detectStart));
    }

    private FileResult load(Path file, Listener listener) throws IOException, SQLException {
        try (Handle handle = target.jdbi().open()) {
            handle.addCustomizer(running);
            handle.begin();
            running.connection = handle.getConnection();
            try (LoadLock.Held lock = LoadLock.acquire(handle, target.dialect(), "the load of " + file.getFileName(), listener)) {
                return stageAndClean(handle, file, listener);
            } finally {
                running.connection = null;
            }
        }
    }

    /**
     * Cancels, on the server, what the file's transaction is running (from another thread: a
     * signal handler); the load then fails, rolls back and throws.
     *
     * @return whether a file's transaction was open (and so is now rolled back)
     */
    public boolean cancel() {
        return running.cancel();
    }

    private FileResult stageAndClean(Handle handle, Path file, Listener listener) throws IOException, SQLException {
        Map<String, Long> millis = new LinkedHashMap<>();
        // The load stage is the file into staging; opening the database is not part of it.
        long start = System.nanoTime();
        try {
            Loader.Staged staged = new Loader(target.dialect(), encoding).stage(handle, file, listener.rowsRead(file));
            if (!staged.alreadyLoaded()) {
                refreshStatistics(handle, "load");
                millis.put("load", elapsedSince(start));
                processStaged(handle, staged.batchId(), listener, millis);
            }
            BatchGovernance governance = BatchGovernance.read(handle, staged.batchId());
            handle.commit();
            return new FileResult(file, staged.batchId(), staged.alreadyLoaded(), governance, millis);
        } catch (IOException | SQLException | RuntimeException e) {
            handle.rollback();
            throw e;
        }
    }

    /**
     * Governs, cleans and summarises a batch that is already in staging (copied there by
     * {@code ./ecom sync}), in the caller's transaction, as a loaded file is; then the caller runs
     * {@link AnomalyDetection} once after its batches.
     */
    public BatchGovernance processStaged(Handle handle, long batchId, Listener listener) {
        processStaged(handle, batchId, listener, new LinkedHashMap<>());
        return BatchGovernance.read(handle, batchId);
    }

    private void processStaged(Handle handle, long batchId, Listener listener, Map<String, Long> millis) {
        runStage(handle, "govern", "quality.record_batch_governance", batchId, listener, millis);
        runStage(handle, "clean", "sales.clean_batch", batchId, listener, millis);
        refreshStatistics(handle, "clean");
        runStage(handle, "summarize", "mart.refresh_summaries", batchId, listener, millis);
        refreshStatistics(handle, "summarize");
    }

    private void runStage(Handle handle, String stage, String procedure, long batchId, Listener listener,
                          Map<String, Long> millis) {
        long start = System.nanoTime();
        listener.stageStarted(stage);
        handle.execute(target.dialect().callStatement(procedure, 1), batchId);
        millis.put(stage, elapsedSince(start));
    }

    /**
     * Statistics of the tables a step has just filled, before the next step plans: autovacuum may
     * not have run yet, and a plan made for empty tables once turned a minute into hours.
     */
    private void refreshStatistics(Handle handle, String step) {
        handle.execute(target.dialect().callStatement("staging.refresh_statistics", 1), step);
    }

    private static long elapsedSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
