package org.ecom.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ecom.ml.repurchase.ScorerArtefact;
import org.jdbi.v3.core.Handle;

/**
 * The served snapshot and its upkeep. Every {@code refreshEvery} a cheap query reads the database's
 * version (the current run of each model and the rows loaded so far); when it changed, the reader
 * views are read again, whole, and the new snapshot replaces the old one at once, so a response
 * never mixes two runs. Reads answer from memory, which is what lets one process serve thousands
 * of look-ups a second; the price is up to one refresh interval of delay after a load or a run.
 * When the version cannot be read the database counts as down, and requests answer 503 until it is
 * back, rather than serve figures nobody can confirm.
 */
public final class ServeData implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String VERSION = "SELECT model_kind, run_id FROM ml.current_model_run ORDER BY model_kind";
    private static final String LOADED = "SELECT rows_read, clean_rows FROM kpi.data_quality_funnel WHERE batch_id IS NULL";

    private final ReaderPool pool;
    private final Consumer<String> log;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "serve-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Snapshot snapshot;
    private volatile String unavailable;

    private ServeData(ReaderPool pool, Consumer<String> log) {
        this.pool = pool;
        this.log = log;
    }

    /** Reads the first snapshot (throws when the database cannot be read) and keeps it current. */
    public static ServeData start(ReaderPool pool, Duration refreshEvery, Consumer<String> log) {
        ServeData data = new ServeData(pool, log);
        data.snapshot = pool.jdbi().withHandle(data::read);
        long millis = refreshEvery.toMillis();
        data.refresher.scheduleWithFixedDelay(data::refresh, millis, millis, TimeUnit.MILLISECONDS);
        return data;
    }

    /** The snapshot to answer from; 503 while the database is unreachable. */
    Snapshot current() {
        // The cause is in the server's log; a caller learns only that the database is down.
        if (unavailable != null) {
            throw ApiError.databaseUnavailable("the database cannot be reached");
        }
        return snapshot;
    }

    ReaderPool pool() {
        return pool;
    }

    /** Reads the version, and everything when it changed; marks the database down when it cannot. */
    void refresh() {
        try {
            pool.jdbi().useHandle(handle -> {
                if (!version(handle).equals(snapshot.version())) {
                    snapshot = read(handle);
                    log.accept("serve: new data (" + snapshot.version() + ")");
                }
            });
            if (unavailable != null) {
                log.accept("serve: the database is reachable again");
            }
            unavailable = null;
        } catch (RuntimeException e) {
            if (unavailable == null) {
                log.accept("serve: the database cannot be reached, answering 503: " + oneLine(e));
            }
            unavailable = oneLine(e);
        }
    }

    /** The innermost message of an exception chain, on one line: what went wrong, for the log. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String version(Handle handle) {
        StringBuilder version = new StringBuilder();
        handle.createQuery(VERSION).map((r, ctx) -> r.getString(1) + "=" + r.getLong(2))
                .forEach(run -> version.append(run).append(' '));
        handle.createQuery(LOADED).map((r, ctx) -> "rows=" + r.getLong(1) + "/" + r.getLong(2))
                .forEach(version::append);
        return version.toString().strip();
    }

    private Snapshot read(Handle handle) {
        String version = version(handle);
        Map<Integer, ObjectNode> customers = new HashMap<>();
        handle.createQuery("SELECT customer_id, country_name, first_purchase_at, last_purchase_at, orders, revenue,"
                + " avg_order_value, historic_clv, predictive_clv FROM kpi.customer_lifetime_value").map((r, ctx) -> {
                    ObjectNode customer = customers.computeIfAbsent(r.getInt(1), ServeData::customer);
                    customer.put("country", r.getString(2));
                    customer.putObject("lifetime_value").put("first_purchase_at", text(r, 3)).put("last_purchase_at", text(r, 4))
                            .put("orders", r.getLong(5)).put("revenue", r.getBigDecimal(6)).put("average_order_value", r.getBigDecimal(7))
                            .put("historic_clv", r.getBigDecimal(8)).put("predictive_clv", r.getBigDecimal(9));
                    return r;
                }).forEach(r -> { });
        handle.createQuery("SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment"
                + " FROM analysis.q09_rfm_customers").map((r, ctx) -> {
                    customers.computeIfAbsent(r.getInt(1), ServeData::customer).putObject("rfm")
                            .put("recency_days", r.getLong(2)).put("frequency", r.getLong(3)).put("monetary", r.getBigDecimal(4))
                            .put("r_score", r.getInt(5)).put("f_score", r.getInt(6)).put("m_score", r.getInt(7))
                            .put("segment", r.getString(8));
                    return r;
                }).forEach(r -> { });
        handle.createQuery("SELECT customer_id, segment_id, segment_name FROM ml.current_customer_segment").map((r, ctx) -> {
            customers.computeIfAbsent(r.getInt(1), ServeData::customer).putObject("segment")
                    .put("segment_id", r.getInt(2)).put("persona", r.getString(3));
            return r;
        }).forEach(r -> { });
        handle.createQuery("SELECT customer_id, probability, decile FROM ml.current_repurchase_score").map((r, ctx) -> {
            ObjectNode repurchase = customers.computeIfAbsent(r.getInt(1), ServeData::customer).putObject("repurchase");
            repurchase.put("probability", r.getDouble(2)).put("decile", r.getInt(3));
            repurchase.putArray("reasons");
            return r;
        }).forEach(r -> { });
        addReasons(handle, customers);

        ArrayNode runs = JSON.createArrayNode();
        ObjectNode runIds = JSON.createObjectNode();
        handle.createQuery("SELECT run_id, model_kind, as_of_date, finished_at FROM ml.current_model_run ORDER BY model_kind")
                .map((r, ctx) -> {
                    runs.addObject().put("model_kind", r.getString(2)).put("run_id", r.getLong(1))
                            .put("as_of_date", text(r, 3)).put("finished_at", text(r, 4));
                    runIds.put(r.getString(2), r.getLong(1));
                    return r;
                }).forEach(r -> { });

        Map<Integer, List<ObjectNode>> recommendations = new HashMap<>();
        handle.createQuery("SELECT customer_id, recommendation_rank, stock_code, description, score"
                + " FROM ml.current_product_recommendation ORDER BY customer_id, recommendation_rank").map((r, ctx) -> {
                    recommendations.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(JSON.createObjectNode()
                            .put("rank", r.getInt(2)).put("stock_code", r.getString(3)).put("description", r.getString(4))
                            .put("score", r.getDouble(5)));
                    return r;
                }).forEach(r -> { });

        Map<Integer, byte[]> serialised = new HashMap<>();
        for (Map.Entry<Integer, ObjectNode> entry : customers.entrySet()) {
            entry.getValue().set("runs", runIds);
            serialised.put(entry.getKey(), entry.getValue().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, Object> artefact = handle.createQuery("SELECT run_id, artefact_format, artefact_bytes, artefact_sha256"
                        + " FROM ml.current_model_artefact WHERE model_kind = 'repurchase'")
                .map((r, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("run_id", r.getLong(1));
                    row.put("format", r.getString(2));
                    row.put("bytes", r.getBytes(3));
                    row.put("sha256", r.getString(4));
                    return row;
                }).findOne().orElse(null);
        ScorerPool scorer = null;
        long scorerRunId = 0;
        if (artefact != null && ScorerArtefact.FORMAT.equals(artefact.get("format"))) {
            scorer = new ScorerPool((byte[]) artefact.get("bytes"), (String) artefact.get("sha256"),
                    Math.max(2, Runtime.getRuntime().availableProcessors()));
            scorerRunId = (Long) artefact.get("run_id");
        }
        return new Snapshot(version, Map.copyOf(serialised), Map.copyOf(recommendations), runs, scorer, scorerRunId, Instant.now());
    }

    /** The strongest reasons of each score, strongest first (ml.current_repurchase_reason). */
    private static void addReasons(Handle handle, Map<Integer, ObjectNode> customers) {
        handle.createQuery("SELECT customer_id, reason_rank, feature, contribution FROM ml.current_repurchase_reason"
                + " ORDER BY customer_id, reason_rank").map((r, ctx) -> {
                    ObjectNode customer = customers.get(r.getInt(1));
                    if (customer != null && customer.get("repurchase") instanceof ObjectNode repurchase) {
                        ((ArrayNode) repurchase.get("reasons")).addObject().put("rank", r.getInt(2))
                                .put("feature", r.getString(3)).put("contribution", r.getDouble(4));
                    }
                    return r;
                }).forEach(r -> { });
    }

    private static ObjectNode customer(int id) {
        ObjectNode customer = JSON.createObjectNode();
        customer.put("customer_id", id);
        customer.putNull("country");
        // Every key present, null where a view has no row for the customer (a run that has not scored them yet).
        for (String part : List.of("segment", "rfm", "lifetime_value", "repurchase")) {
            customer.putNull(part);
        }
        return customer;
    }

    /** A date or timestamp column as ISO text, the same on both engines. */
    private static String text(ResultSet r, int column) throws SQLException {
        Object value = r.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
