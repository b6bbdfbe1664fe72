package org.ecom.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads staged rows from SQL Server with a forward-only, read-only result set: the driver's
 * adaptive buffering streams it from the server (T-SQL has no bulk export a JDBC client can use;
 * bcp is a separate tool). In clustered key order, the order bulk copy inserts fastest.
 */
final class SqlServerStagingReader implements StagingReader {

    private final Connection connection;

    SqlServerStagingReader(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Lines lines(long batchId) throws SQLException {
        PreparedStatement select = connection.prepareStatement("SELECT line_number, invoice, stock_code, description,"
                + " quantity, invoice_date, price, customer_id, country FROM staging.retail_line WHERE batch_id = ?"
                + " ORDER BY line_number", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        select.setLong(1, batchId);
        ResultSet rows = select.executeQuery();
        return new PulledLines(batchId) {
            @Override
            RetailLine pull() throws SQLException {
                return rows.next() ? line(rows) : null;
            }

            @Override
            public void close() throws SQLException {
                select.close();
            }
        };
    }

    private static RetailLine line(ResultSet r) throws SQLException {
        int customer = r.getInt(8);
        Integer customerId = r.wasNull() ? null : customer;
        BigDecimal price = r.getBigDecimal(7);
        return new RetailLine(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5),
                r.getObject(6, LocalDateTime.class), price.setScale(3).unscaledValue().longValueExact(), customerId,
                r.getString(9));
    }

    @Override
    public List<RejectedLine> rejections(long batchId) throws SQLException {
        List<RejectedLine> rejections = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT line_number, raw_text, reason"
                + " FROM staging.rejected_line WHERE batch_id = ? ORDER BY line_number")) {
            select.setLong(1, batchId);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rejections.add(new RejectedLine(r.getLong(1), r.getString(2), r.getString(3)));
                }
            }
        }
        return rejections;
    }
}
