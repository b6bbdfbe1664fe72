package org.ecom.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecom.db.Dialect;
import org.jdbi.v3.core.Handle;

/**
 * The figures of the HTML report, read from the same views as the Power BI model (kpi, analysis,
 * ml: what analytics_reader may read) and shaped for filtering in the browser: the sales fact per
 * month, country and customer with months and countries as indexes into lists; one row per
 * customer with their segments and scores; top-N lists for what is not filtered (products,
 * anomalies, recommendations). The SQL is plain enough for PostgreSQL and SQL Server alike.
 */
public final class ReportData {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rows kept in the lists that are not aggregated, to keep the page small; counts are never capped. */
    static final int LIST_ROWS = 500;
    /** The anomaly worklist's daily budget: the lines a day someone can check. */
    static final int WORKLIST_PER_DAY = 50;

    private ReportData() {
    }

    public static ObjectNode load(Handle c, Dialect dialect) {
        ObjectNode data = JSON.createObjectNode();
        Dictionary months = new Dictionary();
        Dictionary countries = new Dictionary();
        Dictionary segments = new Dictionary();
        Dictionary rfmSegments = new Dictionary();

        ArrayNode calendar = data.putArray("months");
        query(c, "SELECT month_label, has_sales, is_partial FROM kpi.calendar_month ORDER BY month_start", r -> {
            months.index(r.getString(1));
            calendar.addObject().put("label", r.getString(1)).put("hasSales", r.getBoolean(2)).put("partial", r.getBoolean(3));
        });
        // Countries by revenue, so the country list and the charts read biggest first.
        query(c, "SELECT country_name FROM kpi.country_revenue ORDER BY revenue_rank", r -> countries.index(r.getString(1)));
        query(c, "SELECT segment_name FROM ml.segment_summary ORDER BY segment_id", r -> segments.index(r.getString(1)));
        query(c, "SELECT segment FROM analysis.q09_rfm_segments ORDER BY segment_order", r -> rfmSegments.index(r.getString(1)));

        ArrayNode sales = data.putArray("sales"); // [month, country, customer, orders, revenue]
        query(c, "SELECT " + monthLabel(dialect) + ", country_name, customer_id, orders, revenue FROM kpi.customer_month_sales", r ->
                sales.addArray().add(months.index(r.getString(1))).add(countries.index(r.getString(2)))
                        .add(r.getLong(3)).add(r.getLong(4)).add(money(r.getBigDecimal(5))));

        Map<Long, ObjectNode> customers = new LinkedHashMap<>();
        // Net of matched returns: an order cancelled the same day adds nothing to a customer's value.
        query(c, "SELECT customer_id, country_name, orders, net_revenue, predictive_clv FROM kpi.customer_lifetime_value", r ->
                customers.put(r.getLong(1), JSON.createObjectNode().put("id", r.getLong(1)).put("country", countries.index(r.getString(2)))
                        .put("orders", r.getLong(3)).put("revenue", money(r.getBigDecimal(4))).put("clv", money(r.getBigDecimal(5)))));
        query(c, "SELECT customer_id, segment_name FROM ml.current_customer_segment", r ->
                with(customers, r.getLong(1)).put("segment", segments.index(r.getString(2))));
        query(c, "SELECT customer_id, segment FROM analysis.q09_rfm_customers", r ->
                with(customers, r.getLong(1)).put("rfm", rfmSegments.index(r.getString(2))));
        query(c, "SELECT customer_id, probability, decile, in_campaign FROM ml.current_repurchase_score", r ->
                with(customers, r.getLong(1)).put("probability", round(r.getBigDecimal(2), 4)).put("decile", r.getInt(3))
                        .put("campaign", r.getBoolean(4)));
        ArrayNode customerList = data.putArray("customers");
        customers.values().forEach(customerList::add);

        data.set("forecast", rows(c, "SELECT " + monthLabel(dialect) + " AS month, actual_revenue, is_partial, forecast, lo95, hi95"
                + " FROM kpi.revenue_actual_vs_forecast ORDER BY month_start"));
        data.set("products", rows(c, "SELECT net_revenue_rank, stock_code, description, net_revenue, revenue, net_quantity, customers"
                + " FROM analysis.q04_top_products WHERE net_revenue_rank <= 15 ORDER BY net_revenue_rank, stock_code"));
        data.set("nonProducts", rows(c, "SELECT product_category, SUM(net_revenue) AS net_revenue, COUNT(*) AS codes"
                + " FROM analysis.q04_top_products WHERE net_revenue_rank IS NULL GROUP BY product_category ORDER BY product_category"));
        data.set("cohorts", rows(c, "SELECT " + monthLabel(dialect, "cohort_month") + " AS cohort, months_since, cohort_size, retention_pct"
                + " FROM kpi.cohort_retention WHERE months_since <= 12 ORDER BY cohort_month, months_since"));
        data.set("segmentMigration", rows(c, "SELECT from_segment, to_segment, customers FROM ml.segment_migration"
                + " ORDER BY customers DESC, to_segment, from_segment"));
        // Counts, not a capped list: every z-score line counted per month and customer, so the
        // report's filters give true counts.
        ArrayNode zscoreCounts = data.putArray("zscoreCounts"); // [month, customer, lines]
        query(c, "SELECT " + monthLabel(dialect) + ", customer_id, COUNT(*) FROM kpi.quantity_anomaly"
                + " GROUP BY month_start, customer_id", r ->
                zscoreCounts.addArray().add(months.index(r.getString(1))).add(r.getLong(2)).add(r.getLong(3)));
        data.put("worklistPerDay", WORKLIST_PER_DAY);
        data.put("worklistLines", count(c, "SELECT COUNT(*) FROM analysis.anomaly_worklist(" + WORKLIST_PER_DAY + ")"));
        data.set("worklist", rows(c, "SELECT sale_date, day_rank, severity, invoice_no, customer_id, stock_code, quantity, strength,"
                + " by_quantity_zscore, by_quantity_robust, by_price_robust FROM analysis.anomaly_worklist(" + WORKLIST_PER_DAY + ")"
                + " ORDER BY sale_date DESC, day_rank" + first(LIST_ROWS)));
        data.set("anomalySeverity", rows(c, "SELECT severity, COUNT(*) AS lines FROM kpi.anomaly_line GROUP BY severity"));
        data.set("anomalyOverlap", rows(c, "SELECT by_quantity_zscore, by_quantity_robust, by_price_robust, lines, critical_lines"
                + " FROM kpi.anomaly_method_overlap ORDER BY lines DESC"));
        data.set("funnel", rows(c, "SELECT rows_read, rows_rejected, missing_customer_rows, duplicate_rows, cancellation_rows,"
                + " adjustment_rows, non_positive_quantity_rows, non_positive_price_rows, clean_rows, clean_revenue, unmatched_cancellation_lines"
                + " FROM kpi.data_quality_funnel WHERE batch_id IS NULL"));
        data.set("recommendations", rows(c, "SELECT customer_id, recommendation_rank, stock_code, description"
                + " FROM ml.current_product_recommendation ORDER BY customer_id, recommendation_rank" + first(LIST_ROWS * 4)));
        data.set("campaignCurve", rows(c, "SELECT threshold, precision_rate, recall_rate, contacted_customers, expected_profit,"
                + " is_chosen FROM ml.current_repurchase_profit_curve ORDER BY threshold"));
        data.set("modelMetrics", ModelMetrics.headline(rows(c, "SELECT model_kind, as_of_date, finished_at, metrics_json"
                + " FROM ml.current_model_run ORDER BY model_kind")));
        // The forecast's error run after run, the model's and its baseline's: one measure, one axis.
        data.set("runMetrics", rows(c, "SELECT run_id, model_kind, finished_at, metric_name, metric_value FROM ml.run_metric"
                + " WHERE metric_name IN ('mape', 'seasonal_naive_mape') ORDER BY model_kind, metric_name, finished_at"));

        data.set("countries", countries.toJson());
        data.set("segments", segments.toJson());
        data.set("rfmSegments", rfmSegments.toJson());
        return data;
    }

    private static long count(Handle c, String sql) {
        return c.createQuery(sql).mapTo(Long.class).one();
    }

    /** A month as 'YYYY-MM' text, in the database's own dialect. */
    private static String monthLabel(Dialect dialect) {
        return monthLabel(dialect, "month_start");
    }

    private static String monthLabel(Dialect dialect, String column) {
        return switch (dialect) {
            case MSSQL -> "CONVERT(char(7), " + column + ", 126)";
            case POSTGRESQL -> "TO_CHAR(" + column + ", 'YYYY-MM')";
        };
    }

    /** The first n rows of an ordered query: standard SQL that both engines accept. */
    private static String first(int n) {
        return " OFFSET 0 ROWS FETCH NEXT " + n + " ROWS ONLY";
    }

    private static ObjectNode with(Map<Long, ObjectNode> customers, long id) {
        return customers.computeIfAbsent(id, k -> JSON.createObjectNode().put("id", k));
    }

    private static double money(BigDecimal value) {
        return round(value, 2);
    }

    private static double round(BigDecimal value, int scale) {
        return value == null ? 0 : value.setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }

    /** A query's rows as JSON objects keyed by column label; numbers rounded to four decimals. */
    private static ArrayNode rows(Handle c, String sql) {
        ArrayNode rows = JSON.createArrayNode();
        query(c, sql, r -> {
            ResultSetMetaData meta = r.getMetaData();
            ObjectNode row = rows.addObject();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.set(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value(r, i, meta.getColumnType(i)));
            }
        });
        return rows;
    }

    private static JsonNode value(ResultSet r, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BOOLEAN, Types.BIT -> r.getBoolean(i);
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> r.getBigDecimal(i) == null ? null
                    : round(r.getBigDecimal(i), 4);
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> r.getLong(i);
            default -> r.getString(i);
        };
        return r.wasNull() ? JSON.nullNode() : JSON.valueToTree(value);
    }

    private interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    /** Hands each row to the handler; the report shapes rows as it reads them, so nothing is collected here. */
    private static void query(Handle c, String sql, RowHandler handler) {
        c.createQuery(sql).map((row, context) -> {
            handler.accept(row);
            return Boolean.TRUE;
        }).forEach(row -> { });
    }

    /** Values numbered in order of first sight, so rows can carry small numbers instead of names. */
    private static final class Dictionary {
        private final Map<String, Integer> indexes = new LinkedHashMap<>();

        int index(String value) {
            return indexes.computeIfAbsent(value == null ? "" : value, k -> indexes.size());
        }

        ArrayNode toJson() {
            ArrayNode names = JSON.createArrayNode();
            indexes.keySet().forEach(names::add);
            return names;
        }
    }
}
