package org.ecom.sync;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ecom.db.Babelfish;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Dialect;

/**
 * The proof that two warehouses hold the same figures: for each table and view of the reporting
 * schemas, its row count and an order-independent checksum, both computed by the server itself.
 * Each row becomes one canonical text (every value written the same way by both dialects: exact
 * decimals rounded half away from zero to whole ten-thousandths, so money to the cent and beyond;
 * floats to millionths; times to the second), hashed with MD5 over its UTF-8 bytes; the checksum
 * is the sum of each hash's first 56 bits, which no row order changes.
 */
public final class WarehouseChecksums {

    /** The schemas compared: the sales model, the summaries, and what reports read. */
    public static final List<String> SCHEMAS = List.of("sales", "mart", "kpi", "analysis");

    /** Exact decimals in ten-thousandths: money to the cent and ratios to a hundredth of a percent. */
    static final int DECIMAL_UNITS = 10_000;
    /** Floating-point values in millionths. */
    static final int FLOAT_UNITS = 1_000_000;

    /** One object's figures on one side; absent when that side lacks it. */
    public record Figures(List<String> columns, long rows, BigInteger checksum) {
    }

    /** One object on both sides. */
    public record Comparison(String object, Figures from, Figures to) {
        public boolean equal() {
            return from != null && from.equals(to);
        }

        /** One line: the object, its rows and checksum, and what differs. */
        public String line() {
            String figures = from == null ? "-" : String.format(Locale.UK, "%,d rows  checksum %s", from.rows(), from.checksum());
            if (equal()) {
                return String.format("  equal    %-44s %s", object, figures);
            }
            String why;
            if (from == null || to == null) {
                why = "missing on the " + (from == null ? "source" : "target");
            } else if (!from.columns().equals(to.columns())) {
                why = "columns differ: " + from.columns() + " vs " + to.columns();
            } else {
                why = String.format(Locale.UK, "%,d rows, checksum %s on the source; %,d rows, checksum %s on the target",
                        from.rows(), from.checksum(), to.rows(), to.checksum());
            }
            return String.format("  DIFFERS  %-44s %s", object, why);
        }
    }

    private WarehouseChecksums() {
    }

    /**
     * Every table and view of {@link #SCHEMAS} on either side, by name. Surrogate keys (identity
     * columns, and the columns of the same name that carry them elsewhere) are left out: each server
     * draws them from its own counter, which a rolled-back load moves on, so equal warehouses may
     * number their countries or lines differently. The natural keys and figures beside them are
     * compared. The batch id, kept by the sync, is compared.
     */
    public static List<Comparison> compare(DatabaseTarget from, DatabaseTarget to) throws SQLException {
        Set<String> surrogates = new TreeSet<>(surrogateKeys(from));
        surrogates.addAll(surrogateKeys(to));
        surrogates.remove("batch_id");
        // ml.model_run's key, which kpi views carry (ml_run_id): copied runs get the target's next ids.
        surrogates.add("run_id");
        Map<String, Figures> source = figures(from, surrogates);
        Map<String, Figures> target = figures(to, surrogates);
        List<Comparison> comparisons = new ArrayList<>();
        TreeSet<String> objects = new TreeSet<>(source.keySet());
        objects.addAll(target.keySet());
        for (String object : objects) {
            comparisons.add(new Comparison(object, source.get(object), target.get(object)));
        }
        return comparisons;
    }

    /** The names of the identity columns of the compared schemas. */
    public static Set<String> surrogateKeys(DatabaseTarget target) {
        String sql = target.dialect() == Dialect.POSTGRESQL
                ? "SELECT DISTINCT column_name FROM information_schema.columns WHERE is_identity = 'YES'"
                        + " AND table_schema IN (<schemas>)"
                : "SELECT DISTINCT c.name FROM sys.identity_columns AS c JOIN sys.objects AS o ON o.object_id = c.object_id"
                        + " WHERE SCHEMA_NAME(o.schema_id) IN (<schemas>)";
        return Set.copyOf(target.jdbi().withHandle(h -> h.createQuery(sql).bindList("schemas", SCHEMAS)
                .map((r, ctx) -> r.getString(1).toLowerCase(Locale.ROOT)).list()));
    }

    /**
     * A surrogate key, or a column that carries one under a longer name ({@code ml_run_id},
     * {@code matched_invoice_line_id}): each server draws them from its own counter.
     */
    private static boolean carriesSurrogateKey(String column, Set<String> surrogates) {
        return surrogates.stream().anyMatch(key -> column.equals(key) || column.endsWith("_" + key));
    }

    /** Each object's figures on one server, the surrogate key columns left out. */
    public static Map<String, Figures> figures(DatabaseTarget target, Set<String> surrogates) throws SQLException {
        List<String> objects = Catalog.objects(target, SCHEMAS);
        try (Connection c = target.connect()) {
            boolean utf8Hashed = target.dialect() == Dialect.POSTGRESQL || Babelfish.is(c);
            return objects.stream().collect(Collectors.toMap(Function.identity(),
                    object -> figures(target, object, surrogates, utf8Hashed), (a, b) -> a, TreeMap::new));
        }
    }

    private static Figures figures(DatabaseTarget target, String object, Set<String> surrogates, boolean utf8Hashed) {
        List<Catalog.Column> columns = Catalog.columns(target, object).stream()
                .filter(c -> !carriesSurrogateKey(c.name(), surrogates)).toList();
        String sql = checksumQuery(target.dialect(), object, columns, utf8Hashed);
        return target.jdbi().withHandle(h -> h.createQuery(sql)
                .map((r, ctx) -> new Figures(columns.stream().map(Catalog.Column::name).toList(), r.getLong(1),
                        r.getBigDecimal(2).toBigInteger()))
                .one());
    }

    /**
     * The count and checksum of one object, in the server's dialect. On SQL Server the row text is
     * made varchar in a UTF-8 collation first (HASHBYTES hashes nvarchar as UTF-16); Babelfish has
     * no UTF-8 collations, and hashes text as UTF-8 already.
     */
    static String checksumQuery(Dialect dialect, String object, List<Catalog.Column> columns, boolean utf8Hashed) {
        List<String> values = columns.stream().map(c -> canonical(dialect, c)).toList();
        if (values.isEmpty()) {
            values = List.of("''"); // nothing but surrogate keys: the count alone
        }
        if (dialect == Dialect.POSTGRESQL) {
            String row = values.stream().map(v -> "COALESCE(" + v + ", '\\N') || chr(31)").collect(Collectors.joining(" || "));
            return "SELECT COUNT(*), COALESCE(SUM(('x' || substr(md5(" + row + "), 1, 14))::bit(56)::bigint), 0) FROM " + object;
        }
        String row = "CONCAT(" + values.stream().map(v -> "COALESCE(" + v + ", N'\\N'), NCHAR(31)")
                .collect(Collectors.joining(", ")) + ")";
        String bytes = utf8Hashed ? row : "CAST(" + row + " COLLATE Latin1_General_100_BIN2_UTF8 AS varchar(max))";
        return "SELECT COUNT_BIG(*), COALESCE(SUM(CAST(CONVERT(bigint, SUBSTRING(HASHBYTES('MD5', " + bytes
                + "), 1, 7)) AS decimal(38, 0))), 0) FROM " + object;
    }

    /** A column's value as text, written alike by both dialects. */
    static String canonical(Dialect dialect, Catalog.Column column) {
        boolean pg = dialect == Dialect.POSTGRESQL;
        String c = pg ? "\"" + column.name() + "\"" : "[" + column.name() + "]";
        return switch (column.dataType()) {
            case "smallint", "integer", "int", "bigint", "tinyint" -> pg ? "CAST(" + c + " AS text)" : "CAST(" + c + " AS nvarchar(40))";
            // As whole numbers of their smallest unit: Babelfish keeps a decimal's own scale when cast to another.
            case "numeric", "decimal", "money", "smallmoney" -> pg
                    ? "CAST(CAST(ROUND(" + c + " * " + DECIMAL_UNITS + ") AS bigint) AS text)"
                    : "CAST(CAST(ROUND(" + c + " * " + DECIMAL_UNITS + ", 0) AS bigint) AS nvarchar(40))";
            // PostgreSQL's ROUND of a double rounds half to even: rounded as numeric, half away from zero as T-SQL does.
            case "double precision", "real", "float" -> pg
                    ? "CAST(CAST(ROUND(CAST(" + c + " AS numeric) * " + FLOAT_UNITS + ") AS bigint) AS text)"
                    : "CAST(CAST(ROUND(" + c + " * " + FLOAT_UNITS + ", 0) AS bigint) AS nvarchar(40))";
            case "boolean", "bit" -> pg ? "CAST(CAST(" + c + " AS integer) AS text)" : "CAST(" + c + " AS nvarchar(1))";
            case "date" -> pg ? "to_char(" + c + ", 'YYYY-MM-DD')" : "CONVERT(nvarchar(10), " + c + ", 23)";
            case "timestamp without time zone", "datetime2", "datetime", "smalldatetime" -> pg
                    ? "to_char(" + c + ", 'YYYY-MM-DD HH24:MI:SS')" : "CONVERT(nvarchar(19), " + c + ", 120)";
            // PostgreSQL's char(n) loses its padding as text; SQL Server's keeps it.
            case "char", "nchar" -> "RTRIM(CAST(" + c + " AS nvarchar(max)))";
            default -> pg ? "CAST(" + c + " AS text)" : "CAST(" + c + " AS nvarchar(max))";
        };
    }
}
