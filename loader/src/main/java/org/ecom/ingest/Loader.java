package org.ecom.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.ecom.db.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * Stages one file: the batch row, the bulk-copied lines and the rejected rows, inside the caller's
 * transaction (the pipeline governs and cleans the batch in the same one). A file already loaded
 * (same SHA-256) adds nothing.
 */
public final class Loader {

    /** A staged batch, or the earlier batch of the same file. */
    public record Staged(long batchId, boolean alreadyLoaded) {
    }

    private final Dialect dialect;
    private final InputEncoding encoding;

    public Loader(Dialect dialect, InputEncoding encoding) {
        this.dialect = dialect;
        this.encoding = encoding;
    }

    /**
     * @param handle   a handle in an open transaction; nothing is committed here
     * @param progress told the number of rows read so far, now and then
     * @throws InputFormatException when the file is not Online Retail data
     */
    public Staged stage(Handle handle, Path file, LongConsumer progress) throws IOException, SQLException {
        SourceFormat format = SourceFormat.detect(file);
        String sha256 = sha256(file);
        try (RecordSource source = format.open(file, encoding)) {
            String fileName = file.getFileName().toString();
            ColumnLayout layout = ColumnLayout.of(file.toString(), source.header());
            Optional<Long> earlier = batchWithSha256(handle, sha256);
            if (earlier.isPresent()) {
                return new Staged(earlier.get(), true);
            }
            long batchId = insertBatch(handle, fileName, sha256, format);

            ParsedLines lines = new ParsedLines(source, new LineParser(layout), progress);
            StagingWriter writer = StagingWriter.forDialect(dialect, handle.getConnection());
            long loaded = writer.writeLines(batchId, lines);
            writer.writeRejections(batchId, lines.rejections());
            checkSomethingWasRead(file, lines, loaded);
            markStaged(handle, batchId, lines.rowsRead(), loaded, lines.rejections().size());
            return new Staged(batchId, false);
        } catch (SQLException | RuntimeException e) {
            throwInputError(e);
            if (e instanceof UncheckedIOException unreadable) {
                throw unreadable.getCause();
            }
            throw e;
        }
    }

    private static void checkSomethingWasRead(Path file, ParsedLines lines, long loaded) {
        if (lines.rowsRead() == 0) {
            throw new InputFormatException(file + ": has a header but no data rows");
        }
        if (loaded == 0) {
            RejectedLine first = lines.rejections().get(0);
            throw new InputFormatException(file + ": line " + first.lineNumber()
                    + ": not one row could be read as a sales line (first reason: " + first.reason() + ")");
        }
    }

    private static Optional<Long> batchWithSha256(Handle handle, String sha256) {
        return handle.createQuery("SELECT batch_id FROM staging.load_batch WHERE file_sha256 = :sha256")
                .bind("sha256", sha256)
                .mapTo(Long.class)
                .findOne();
    }

    private static long insertBatch(Handle handle, String fileName, String sha256, SourceFormat format) {
        return handle.createUpdate("INSERT INTO staging.load_batch (file_name, file_sha256, file_format, started_at, status)"
                        + " VALUES (:fileName, :sha256, :format, :startedAt, 'staging')")
                .bind("fileName", fileName)
                .bind("sha256", sha256)
                .bind("format", format.label())
                .bind("startedAt", LocalDateTime.now())
                .executeAndReturnGeneratedKeys("batch_id")
                .mapTo(Long.class)
                .one();
    }

    private static void markStaged(Handle handle, long batchId, long read, long loaded, long rejected) {
        handle.createUpdate("UPDATE staging.load_batch SET rows_read = :read, rows_loaded = :loaded,"
                        + " rows_rejected = :rejected, staged_at = :stagedAt, status = 'staged' WHERE batch_id = :batchId")
                .bind("read", read)
                .bind("loaded", loaded)
                .bind("rejected", rejected)
                .bind("stagedAt", LocalDateTime.now())
                .bind("batchId", batchId)
                .execute();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parse errors travel through the iterator the writer pulls from (and the driver): surface them as they are. */
    private static void throwInputError(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputFormatException input) {
                throw input;
            }
        }
    }
}
