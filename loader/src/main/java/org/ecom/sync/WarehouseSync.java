package org.ecom.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.ecom.db.BatchGovernance;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Deployer;
import org.ecom.db.Dialect;
import org.ecom.ingest.StagingReader;
import org.ecom.ingest.StagingWriter;
import org.ecom.pipeline.AnomalyDetection;
import org.ecom.pipeline.LoadLock;
import org.ecom.pipeline.Pipeline;
import org.jdbi.v3.core.Handle;

/**
 * Brings a second warehouse (any dialect) up to a first one: the schema deployed there if needed,
 * then every raw batch it lacks (by file SHA-256) copied from staging with its line numbers and
 * rejections, and cleaned, summarised and checked by the target's own procedures through the
 * {@link Pipeline}, so the target's sales model is rebuilt rather than copied. One transaction per
 * batch: an interrupted sync leaves the target as it was after its last whole batch, and the next
 * run goes on from there. Batches keep their source's batch id where the target has it free, so
 * both sides' reports name the same batches.
 */
public final class WarehouseSync {

    /** A batch of the source, as its load_batch row describes it. */
    public record Batch(long batchId, String fileName, String fileSha256, String fileFormat, long rowsRead,
                        long rowsLoaded, long rowsRejected, LocalDateTime startedAt, LocalDateTime stagedAt) {
    }

    /** What a sync would do: deploy the target or not, and the source's batches it lacks, in load order. */
    public record Plan(boolean targetDeployed, List<Batch> missing, int batchesOnSource) {
    }

    /** A copied batch: its id on the target, its governance there, and how long it took. */
    public record Copied(Batch batch, long targetBatchId, BatchGovernance governance, long millis) {
    }

    public record Result(List<String> deployNotes, List<Copied> copied, AnomalyDetection.Counts anomalies) {
    }

    /** What the sync says while it works. */
    public interface Listener {
        /** Told the lines copied so far of the batch being copied, now and then. */
        LongConsumer linesCopied(Batch batch);

        /** A target-side stage begins: deploy, govern, clean, summarize, detect. */
        void stageStarted(String stage);

        void batchDone(Copied copied);

        /** A load or another sync holds the target: this one waits for it (the message says for what). */
        default void waiting(String message) {
        }
    }

    private static final int PROGRESS_EVERY = 50_000;

    private final DatabaseTarget from;
    private final DatabaseTarget to;

    public WarehouseSync(DatabaseTarget from, DatabaseTarget to) {
        this.from = from;
        this.to = to;
    }

    /** Reads both sides and changes nothing. */
    public Plan plan() throws SQLException {
        List<Batch> source = sourceBatches();
        boolean deployed = Catalog.hasTable(to, "staging", "load_batch");
        Set<String> present = deployed ? Set.copyOf(to.jdbi().withHandle(h -> h.createQuery(
                "SELECT file_sha256 FROM staging.load_batch").mapTo(String.class).list())) : Set.of();
        List<Batch> missing = source.stream().filter(b -> !present.contains(b.fileSha256())).toList();
        return new Plan(deployed, missing, source.size());
    }

    /** Deploys the target, copies and processes each missing batch, then detects anomalies there. */
    public Result run(Listener listener) throws SQLException {
        if (!Catalog.hasTable(from, "staging", "load_batch")) {
            throw new IllegalArgumentException(from + ": not a warehouse (no staging.load_batch): nothing to copy from");
        }
        listener.stageStarted("deploy");
        List<String> notes = Deployer.deploy(to);
        List<Copied> copied = new ArrayList<>();
        Pipeline pipeline = new Pipeline(to);
        try (Connection source = from.connect()) {
            StagingReader reader = StagingReader.forDialect(from.dialect(), source);
            for (Batch batch : plan().missing()) {
                Copied done = copy(batch, reader, pipeline, listener);
                listener.batchDone(done);
                copied.add(done);
            }
        }
        // Always: a run interrupted after its last batch had not detected them yet.
        listener.stageStarted("detect");
        return new Result(notes, copied, AnomalyDetection.run(to));
    }

    /** One batch in one transaction, under the target's load lock (one load or sync batch at a time). */
    private Copied copy(Batch batch, StagingReader reader, Pipeline pipeline, Listener listener) throws SQLException {
        long start = System.nanoTime();
        Pipeline.Listener stages = stageListener(listener);
        try (Handle handle = to.jdbi().open()) {
            handle.begin();
            try (LoadLock.Held lock = LoadLock.acquire(handle, to.dialect(), "the sync of " + batch.fileName(), stages)) {
                long batchId = insertBatch(handle, batch);
                StagingWriter writer = StagingWriter.forDialect(to.dialect(), handle.getConnection());
                long lines;
                try (StagingReader.Lines source = reader.lines(batch.batchId())) {
                    lines = writer.writeLines(batchId, new ProgressIterator<>(source, PROGRESS_EVERY,
                            listener.linesCopied(batch)));
                }
                if (lines != batch.rowsLoaded()) {
                    throw new IllegalStateException(batch.fileName() + ": " + lines + " lines copied, but the source's batch "
                            + batch.batchId() + " says " + batch.rowsLoaded());
                }
                writer.writeRejections(batchId, reader.rejections(batch.batchId()));
                BatchGovernance governance = pipeline.processStaged(handle, batchId, stages);
                handle.commit();
                return new Copied(batch, batchId, governance, (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                handle.rollback();
                throw e;
            }
        }
    }

    /**
     * The batch row, staged, with the source's counts and times: under the source's batch id when
     * the target has it free (PostgreSQL then moves its identity past it; SQL Server does so itself).
     */
    private long insertBatch(Handle handle, Batch batch) {
        boolean keepId = handle.createQuery("SELECT COUNT(*) FROM staging.load_batch WHERE batch_id = :id")
                .bind("id", batch.batchId()).mapTo(Integer.class).one() == 0;
        String columns = "file_name, file_sha256, file_format, rows_read, rows_loaded, rows_rejected, started_at,"
                + " staged_at, status";
        String values = ":fileName, :fileSha256, :fileFormat, :rowsRead, :rowsLoaded, :rowsRejected, :startedAt,"
                + " :stagedAt, 'staged'";
        if (!keepId) {
            return handle.createUpdate("INSERT INTO staging.load_batch (" + columns + ") VALUES (" + values + ")")
                    .bindMethods(batch)
                    .executeAndReturnGeneratedKeys("batch_id").mapTo(Long.class).one();
        }
        String insert = "INSERT INTO staging.load_batch (batch_id, " + columns + ")"
                + (to.dialect() == Dialect.POSTGRESQL ? " OVERRIDING SYSTEM VALUE" : "")
                + " VALUES (:batchId, " + values + ")";
        if (to.dialect() == Dialect.MSSQL) {
            handle.execute("SET IDENTITY_INSERT staging.load_batch ON");
            handle.createUpdate(insert).bindMethods(batch).execute();
            handle.execute("SET IDENTITY_INSERT staging.load_batch OFF");
        } else {
            handle.createUpdate(insert).bindMethods(batch).execute();
            handle.createQuery("SELECT setval(pg_get_serial_sequence('staging.load_batch', 'batch_id'),"
                    + " (SELECT MAX(batch_id) FROM staging.load_batch))").mapTo(Long.class).one();
        }
        return batch.batchId();
    }

    private List<Batch> sourceBatches() {
        return from.jdbi().withHandle(h -> h.createQuery("SELECT batch_id, file_name, file_sha256, file_format, rows_read,"
                        + " rows_loaded, rows_rejected, started_at, staged_at FROM staging.load_batch"
                        + " WHERE status = 'cleaned' ORDER BY batch_id")
                .map((r, ctx) -> new Batch(r.getLong(1), r.getString(2), r.getString(3).strip(), r.getString(4),
                        r.getLong(5), r.getLong(6), r.getLong(7), r.getObject(8, LocalDateTime.class),
                        r.getObject(9, LocalDateTime.class)))
                .list());
    }

    /** The pipeline's stages and waits, told to the sync's listener. */
    private static Pipeline.Listener stageListener(Listener listener) {
        return new Pipeline.Listener() {
            public LongConsumer rowsRead(Path file) {
                return rows -> { };
            }

            public void stageStarted(String stage) {
                listener.stageStarted(stage);
            }

            public void fileDone(Pipeline.FileResult result) {
            }

            public void waiting(String message) {
                listener.waiting(message);
            }
        };
    }
}
