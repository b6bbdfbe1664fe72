package org.ecom.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of quality.batch_governance: what became of a loaded file's rows. */
public record BatchGovernance(long batchId, long rowsRead, long rowsRejected, long rowsLoaded,
                              long missingCustomerRows, long duplicateRows, long cancellationRows,
                              long cancellationInvoices, long adjustmentRows, long nonPositiveQuantityRows,
                              long nonPositivePriceRows, long cleanRows, BigDecimal cleanRevenue,
                              long cleanCustomers) {

    public static BatchGovernance read(Connection connection, long batchId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT * FROM quality.batch_governance WHERE batch_id = ?")) {
            s.setLong(1, batchId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("batch " + batchId + " has no governance record");
                }
                return new BatchGovernance(batchId, r.getLong("rows_read"), r.getLong("rows_rejected"),
                        r.getLong("rows_loaded"), r.getLong("missing_customer_rows"), r.getLong("duplicate_rows"),
                        r.getLong("cancellation_rows"), r.getLong("cancellation_invoices"),
                        r.getLong("adjustment_rows"), r.getLong("non_positive_quantity_rows"),
                        r.getLong("non_positive_price_rows"), r.getLong("clean_rows"),
                        r.getBigDecimal("clean_revenue"), r.getLong("clean_customers"));
            }
        }
    }
}
