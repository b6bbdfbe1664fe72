package org.ecom.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/** Writes hand-made staging batches for the contract tests, in SQL both dialects accept. */
final class StagingFixture {

    private final Connection connection;
    private final Dialect dialect;

    StagingFixture(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** A staged batch of {@code lineCount} rows, none rejected. Returns its id. */
    long batch(String fileName, int lineCount) throws SQLException {
        String sql = "INSERT INTO staging.load_batch (file_name, file_sha256, file_format, rows_read, rows_loaded,"
                + " rows_rejected, started_at, staged_at, status) VALUES (?, ?, 'csv', ?, ?, 0, ?, ?, 'staged')";
        try (PreparedStatement s = connection.prepareStatement(sql, new String[] {"batch_id"})) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            s.setString(1, fileName);
            s.setString(2, String.format("%064x", fileName.hashCode() & 0xffffffffL));
            s.setInt(3, lineCount);
            s.setInt(4, lineCount);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    void line(long batchId, int lineNumber, String invoice, String stockCode, String description, int quantity,
              String invoiceDate, String price, Integer customerId, String country) throws SQLException {
        String sql = "INSERT INTO staging.retail_line (batch_id, line_number, invoice, stock_code, description,"
                + " quantity, invoice_date, price, customer_id, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, batchId);
            s.setInt(2, lineNumber);
            s.setString(3, invoice);
            s.setString(4, stockCode);
            s.setString(5, description);
            s.setInt(6, quantity);
            s.setTimestamp(7, Timestamp.valueOf(invoiceDate));
            s.setBigDecimal(8, new BigDecimal(price));
            if (customerId == null) {
                s.setNull(9, java.sql.Types.INTEGER);
            } else {
                s.setInt(9, customerId);
            }
            s.setString(10, country);
            s.executeUpdate();
        }
    }

    /** Runs governance, cleaning and the summaries on a batch, as the loader does. */
    void process(long batchId) throws SQLException {
        for (String procedure : new String[] {"quality.record_batch_governance", "sales.clean_batch"}) {
            try (PreparedStatement s = connection.prepareStatement(dialect.callStatement(procedure, 1))) {
                s.setLong(1, batchId);
                s.execute();
            }
        }
        try (PreparedStatement s = connection.prepareStatement(dialect.callStatement("mart.refresh_summaries", 0))) {
            s.execute();
        }
    }
}
