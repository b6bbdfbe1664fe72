package org.ecom.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.ecom.db.BatchGovernance;
import org.ecom.db.DatabaseTarget;

/**
 * Loads one file into staging and on into the sales model, in a single transaction: the batch
 * row, the bulk-copied lines and rejections, the governance record, the cleaning and the refreshed
 * summaries. Either all of it is committed or none of it, so a bad file or an interruption leaves
 * the database as it was, and readers never see sales without their summaries.
 * A file already loaded (same SHA-256) adds nothing.
 */
public final class Loader {

    /** What a load did, with its governance record and the time each stage took. */
    public record Result(long batchId, boolean alreadyLoaded, BatchGovernance governance, Map<String, Long> stageMillis) {
    }

    private final DatabaseTarget target;

    public Loader(DatabaseTarget target) {
        this.target = target;
    }

    /**
     * @param progress told the number of rows read so far, now and then
     * @throws InputFormatException when the file is not Online Retail data
     */
    public Result load(Path file, LongConsumer progress) throws IOException, SQLException {
        Map<String, Long> millis = new LinkedHashMap<>();
        long start = System.nanoTime();
        SourceFormat format = SourceFormat.detect(file);
        String sha256 = sha256(file);
        try (RecordSource source = format.open(file);
             Connection connection = target.connect()) {
            String fileName = file.getFileName().toString();
            ColumnLayout layout = ColumnLayout.of(fileName, source.header());
            connection.setAutoCommit(false);
            try {
                Long earlier = batchWithSha256(connection, sha256);
                if (earlier != null) {
                    connection.rollback();
                    return new Result(earlier, true, BatchGovernance.read(connection, earlier), millis);
                }
                long batchId = insertBatch(connection, fileName, sha256, format);

                ParsedLines lines = new ParsedLines(source, new LineParser(layout), progress);
                StagingWriter writer = StagingWriter.forDialect(target.dialect(), connection);
                long loaded = writer.writeLines(batchId, lines);
                writer.writeRejections(batchId, lines.rejections());
                checkSomethingWasRead(fileName, lines, loaded);
                markStaged(connection, batchId, lines.rowsRead(), loaded, lines.rejections().size());
                millis.put("load", elapsedSince(start));

                long governStart = System.nanoTime();
                call(connection, "quality.record_batch_governance", batchId);
                millis.put("govern", elapsedSince(governStart));
                long cleanStart = System.nanoTime();
                call(connection, "sales.clean_batch", batchId);
                millis.put("clean", elapsedSince(cleanStart));
                long summarizeStart = System.nanoTime();
                call(connection, "mart.refresh_summaries");
                millis.put("summarize", elapsedSince(summarizeStart));

                BatchGovernance governance = BatchGovernance.read(connection, batchId);
                connection.commit();
                return new Result(batchId, false, governance, millis);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throwInputError(e);
                if (e instanceof UncheckedIOException unreadable) {
                    throw unreadable.getCause();
                }
                throw e;
            }
        }
    }

    private static void checkSomethingWasRead(String fileName, ParsedLines lines, long loaded) {
        if (lines.rowsRead() == 0) {
            throw new InputFormatException(fileName + ": has a header but no data rows");
        }
        if (loaded == 0) {
            RejectedLine first = lines.rejections().get(0);
            throw new InputFormatException(fileName + ": line " + first.lineNumber()
                    + ": not one row could be read as a sales line (first reason: " + first.reason() + ")");
        }
    }

    private static Long batchWithSha256(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT batch_id FROM staging.load_batch WHERE file_sha256 = ?")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static long insertBatch(Connection connection, String fileName, String sha256, SourceFormat format)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO staging.load_batch (file_name, file_sha256, file_format, started_at, status)"
                        + " VALUES (?, ?, ?, ?, 'staging')", new String[] {"batch_id"})) {
            s.setString(1, fileName);
            s.setString(2, sha256);
            s.setString(3, format.label());
            s.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void markStaged(Connection connection, long batchId, long read, long loaded, long rejected)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE staging.load_batch SET rows_read = ?, rows_loaded = ?, rows_rejected = ?, staged_at = ?,"
                        + " status = 'staged' WHERE batch_id = ?")) {
            s.setLong(1, read);
            s.setLong(2, loaded);
            s.setLong(3, rejected);
            s.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
            s.setLong(5, batchId);
            s.executeUpdate();
        }
    }

    private void call(Connection connection, String procedure, long... arguments) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(target.dialect().callStatement(procedure, arguments.length))) {
            for (int i = 0; i < arguments.length; i++) {
                s.setLong(i + 1, arguments[i]);
            }
            s.execute();
        }
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

    private static long elapsedSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
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
