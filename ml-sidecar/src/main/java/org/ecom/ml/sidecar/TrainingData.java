package org.ecom.ml.sidecar;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecom.ml.data.CustomerOrder;
import org.ecom.ml.data.CustomerRfm;
import org.ecom.ml.data.MonthRevenue;
import org.ecom.ml.data.ProductPurchase;

/**
 * Reads what the models learn from, in SQL both engines run unchanged. Everything comes from the
 * cleaned model (sales) and its summaries (mart, kpi): the models never see rows that governance
 * set aside.
 */
final class TrainingData {

    private static final String RFM = "SELECT customer_id, recency_days, frequency, monetary FROM kpi.rfm";

    // Sales from the invoice summary; cancellations valued from their lines (quantities are negative there).
    private static final String ORDERS = """
            SELECT customer_id, invoice_no, invoice_date, revenue, product_count, 0 AS is_cancellation
            FROM mart.invoice_summary
            UNION ALL
            SELECT i.customer_id, i.invoice_no, i.invoice_date, ABS(SUM(c.line_revenue)), COUNT(DISTINCT c.stock_code), 1
            FROM sales.invoice AS i
            JOIN sales.cancellation_line AS c ON c.invoice_no = i.invoice_no
            GROUP BY i.customer_id, i.invoice_no, i.invoice_date""";

    private static final String PURCHASES = """
            SELECT s.customer_id, l.stock_code, CAST(s.invoice_date AS date) AS purchased_on, SUM(l.quantity) AS quantity
            FROM sales.invoice_line AS l
            JOIN mart.invoice_summary AS s ON s.invoice_no = l.invoice_no
            GROUP BY s.customer_id, l.stock_code, CAST(s.invoice_date AS date)""";

    private static final String MONTHS = "SELECT month_start, revenue, is_partial FROM mart.monthly_summary ORDER BY month_start";

    private final Connection connection;

    TrainingData(Connection connection) {
        this.connection = connection;
    }

    List<CustomerRfm> rfm() throws SQLException {
        return query(RFM, rs -> new CustomerRfm(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4)));
    }

    List<CustomerOrder> orders() throws SQLException {
        return query(ORDERS, rs -> new CustomerOrder(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
                rs.getDouble(4), rs.getInt(5), rs.getInt(6) == 1));
    }

    /**
     * The driver returns a new String and date per row; the purchases repeat a few thousand products
     * and a few hundred days over close to a million rows, so each is kept once.
     */
    List<ProductPurchase> purchases() throws SQLException {
        Map<String, String> stockCodes = new HashMap<>();
        Map<java.sql.Date, LocalDate> days = new HashMap<>();
        return query(PURCHASES, rs -> new ProductPurchase(rs.getInt(1), stockCodes.computeIfAbsent(rs.getString(2), code -> code),
                days.computeIfAbsent(rs.getDate(3), java.sql.Date::toLocalDate), rs.getInt(4)));
    }

    List<MonthRevenue> months() throws SQLException {
        return query(MONTHS, rs -> new MonthRevenue(rs.getDate(1).toLocalDate(), rs.getDouble(2), rs.getBoolean(3)));
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, RowReader<T> reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        }
    }
}
