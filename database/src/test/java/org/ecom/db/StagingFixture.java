package org.ecom.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/** Writes hand-made staging batches for the contract tests, in SQL both dialects accept. */
public final class StagingFixture {

    private final Connection connection;
    private final Dialect dialect;

    public StagingFixture(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** A staged batch of {@code lineCount} rows, none rejected. Returns its id. */
    public long batch(String fileName, int lineCount) throws SQLException {
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

    public void line(long batchId, int lineNumber, String invoice, String stockCode, String description, int quantity,
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

    /** Runs governance, cleaning and the summaries of the keys the batch touched on it, as the loader does. */
    public void process(long batchId) throws SQLException {
        for (String procedure : new String[] {"quality.record_batch_governance", "sales.clean_batch", "mart.refresh_summaries"}) {
            try (PreparedStatement s = connection.prepareStatement(dialect.callStatement(procedure, 1))) {
                s.setLong(1, batchId);
                s.execute();
            }
        }
    }

    /**
     * Ten hand-made rows whose fate the governance and mart tests work out by hand: three clean
     * lines (2, 3 and 11: 83.40 + 81.00 + 30.00), one duplicate, one without customer, two
     * cancellations, one adjustment, one line with a quantity and one with a price not above zero.
     * Staged as a batch of file {@code fileName} and processed; returns the batch's id.
     */
    public long tenRows(String fileName) throws SQLException {
        long batch = batch(fileName, 10);
        line(batch, 2, "489434", "85048", "LIGHT", 12, "2009-12-01 07:45:00", "6.95", 13085, "United Kingdom"); // clean 83.40
        line(batch, 3, "489434", "79323P", "PINK", 12, "2009-12-01 07:45:00", "6.75", 13085, "United Kingdom"); // clean 81.00
        line(batch, 4, "489434", "85048", "LIGHT", 12, "2009-12-01 07:45:00", "6.95", 13085, "United Kingdom"); // duplicate of 2
        line(batch, 5, "489435", "22350", "CAT", 4, "2009-12-01 08:00:00", "2.10", null, "United Kingdom"); // no customer
        line(batch, 6, "C489449", "22087", "PAPER", -12, "2009-12-01 10:33:00", "0.29", 16321, "Australia"); // cancellation, kept as such
        line(batch, 7, "C489450", "22087", "PAPER", -1, "2009-12-01 10:34:00", "0.29", null, "United Kingdom"); // cancellation, no customer
        line(batch, 8, "A506401", "B", "Adjust bad debt", 1, "2010-04-29 13:36:00", "-53594.36", null, "United Kingdom"); // adjustment
        line(batch, 9, "489436", "21523", "MAT", -3, "2009-12-01 09:00:00", "7.95", 12345, "France"); // quantity <= 0
        line(batch, 10, "489437", "22112", null, 6, "2009-12-01 09:05:00", "0.00", 12345, "France"); // price <= 0
        line(batch, 11, "489438", "22113", "HEART", 24, "2009-12-02 09:00:00", "1.25", 12345, "France"); // clean 30.00
        process(batch);
        return batch;
    }

    /**
     * A hand-made year of sales whose every figure the kpi and ml tests work out by hand. Seven
     * customers in three countries from 4 January 2010 (so January 2010 is partial) to 9 March 2011
     * (so March 2011 is partial), with no sales in April, May, July to December 2010:
     *
     * <pre>
     *  invoice  date              customer country   revenue
     *  500001   2010-01-04 10:00  101      UK         100.00   10 x 10.00
     *  500002   2010-01-20 10:00  102      UK          50.00    5 x 10.00
     *  500003   2010-01-25 10:00  107      Germany     40.00    4 x 10.00
     *  500004   2010-02-01 10:00  103      France     120.00   12 x 10.00
     *  500005   2010-02-10 10:00  101      UK         200.00   20 x 10.00
     *  500006   2010-02-25 10:00  101      UK          80.00    8 x 10.00
     *  500007   2010-03-05 10:00  102      UK          60.00    6 x 10.00
     *  500008   2010-03-10 10:00  104      UK         440.00   40 x 10.00 + 8 x 5.00
     *  C500009  2010-03-12 10:00  104      UK        (cancellation of 4 x 10.00: no revenue)
     *  500010   2010-06-15 10:00  101      UK         300.00   30 x 10.00
     *  500011   2011-01-10 10:00  105      France      90.00    9 x 10.00
     *  500012   2011-01-15 10:00  103      France     150.00   15 x 10.00
     *  500013   2011-02-05 10:00  105      France     110.00   11 x 10.00
     *  500017   2011-02-10 10:00  (none)   UK        (no customer: not a sale)
     *  500014   2011-02-20 10:00  101      UK         250.00   25 x 10.00
     *  500015   2011-03-01 10:00  106      UK          70.00    7 x 10.00
     *  500016   2011-03-09 15:00  103      France      30.00    3 x 10.00
     *                                                2090.00
     * </pre>
     *
     * Staged as one batch and processed; returns the batch's id.
     */
    public long year() throws SQLException {
        long batch = batch("kpi-fixture.csv", 18);
        int n = 2;
        line(batch, n++, "500001", "85048", "LIGHT", 10, "2010-01-04 10:00:00", "10.00", 101, "United Kingdom");
        line(batch, n++, "500002", "85048", "LIGHT", 5, "2010-01-20 10:00:00", "10.00", 102, "United Kingdom");
        line(batch, n++, "500003", "85048", "LIGHT", 4, "2010-01-25 10:00:00", "10.00", 107, "Germany");
        line(batch, n++, "500004", "85048", "LIGHT", 12, "2010-02-01 10:00:00", "10.00", 103, "France");
        line(batch, n++, "500005", "85048", "LIGHT", 20, "2010-02-10 10:00:00", "10.00", 101, "United Kingdom");
        line(batch, n++, "500006", "85048", "LIGHT", 8, "2010-02-25 10:00:00", "10.00", 101, "United Kingdom");
        line(batch, n++, "500007", "85048", "LIGHT", 6, "2010-03-05 10:00:00", "10.00", 102, "United Kingdom");
        line(batch, n++, "500008", "85048", "LIGHT", 40, "2010-03-10 10:00:00", "10.00", 104, "United Kingdom");
        line(batch, n++, "500008", "22113", "HEART", 8, "2010-03-10 10:00:00", "5.00", 104, "United Kingdom");
        line(batch, n++, "C500009", "85048", "LIGHT", -4, "2010-03-12 10:00:00", "10.00", 104, "United Kingdom");
        line(batch, n++, "500010", "85048", "LIGHT", 30, "2010-06-15 10:00:00", "10.00", 101, "United Kingdom");
        line(batch, n++, "500011", "85048", "LIGHT", 9, "2011-01-10 10:00:00", "10.00", 105, "France");
        line(batch, n++, "500012", "85048", "LIGHT", 15, "2011-01-15 10:00:00", "10.00", 103, "France");
        line(batch, n++, "500013", "85048", "LIGHT", 11, "2011-02-05 10:00:00", "10.00", 105, "France");
        line(batch, n++, "500017", "85048", "LIGHT", 2, "2011-02-10 10:00:00", "10.00", null, "United Kingdom");
        line(batch, n++, "500014", "85048", "LIGHT", 25, "2011-02-20 10:00:00", "10.00", 101, "United Kingdom");
        line(batch, n++, "500015", "85048", "LIGHT", 7, "2011-03-01 10:00:00", "10.00", 106, "United Kingdom");
        line(batch, n, "500016", "85048", "LIGHT", 3, "2011-03-09 15:00:00", "10.00", 103, "France");
        process(batch);
        return batch;
    }
}
