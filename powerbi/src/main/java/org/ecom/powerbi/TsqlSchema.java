package org.ecom.powerbi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tables and views a T-SQL changelog folder ({@code database/mssql}) creates, read from the
 * text, enough to follow a view's column down to the table column it shows and tell its
 * collation: {@code alias.column} through the FROM clause (tables, views, CTEs, derived tables),
 * {@code CAST}, {@code CONVERT}, an explicit {@code COLLATE}, and string literals (the database's
 * default collation). A table column's collation is that of its {@code CREATE TABLE}, or of a later
 * {@code ALTER TABLE ... ALTER COLUMN}. Anything else is reported as not traceable, never guessed.
 */
public final class TsqlSchema {

    /** Where a view column's value comes from: its collation ({@code null}: the database default), or, for a column that is not text, no collation at all. */
    public record Origin(boolean text, String collation, String source) {

        public String describe() {
            return source + (text ? ": " + (collation == null ? "the database's default collation" : collation) : ": not text");
        }
    }

    /** A view column whose origin the text does not tell (an expression, an unknown object). */
    public static final class UntraceableException extends Exception {
        UntraceableException(String message) {
            super(message);
        }
    }

    private record Column(String type, String collation) {
    }

    /** An {@code ALTER TABLE t ALTER COLUMN c type [COLLATE x]}: the table and the tokens from the column's name on. */
    private record Alter(String table, List<String> column) {
    }

    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "nchar", "nvarchar", "text", "ntext", "sysname");
    private static final Set<String> CLAUSE_END = Set.of("where", "group", "order", "having", "union", "except", "intersect", "option");
    private static final Set<String> JOIN_WORDS = Set.of("join", "inner", "left", "right", "full", "outer", "cross", "apply");

    private final Map<String, Map<String, Column>> tables = new LinkedHashMap<>();
    private final Map<String, List<String>> views = new LinkedHashMap<>();

    private TsqlSchema() {
    }

    /** Every table and view of the folder's .sql files; {@code tests/} (tSQLt) aside. */
    public static TsqlSchema read(Path mssqlFolder) throws IOException {
        TsqlSchema schema = new TsqlSchema();
        List<Alter> alters = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(mssqlFolder)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".sql"))
                    .filter(f -> !mssqlFolder.relativize(f).startsWith("tests")).sorted().toList()) {
                schema.readStatements(tokens(Files.readString(file, StandardCharsets.UTF_8)), alters);
            }
        }
        alters.forEach(schema::alterColumn);
        return schema;
    }

    private void readStatements(List<String> t, List<Alter> alters) {
        for (int i = 0; i < t.size(); i++) {
            if (!is(t, i, "create") && !is(t, i, "alter")) {
                continue;
            }
            int k = i + 1;
            if (is(t, i, "create") && is(t, k, "or") && is(t, k + 1, "alter")) {
                k += 2;
            }
            if (is(t, i, "create") && is(t, k, "table") && is(t, k + 2, ".") && is(t, k + 4, "(")) {
                tables.put(key(t.get(k + 1), t.get(k + 3)), columns(t, k + 4));
            } else if (is(t, k, "view") && is(t, k + 2, ".") && is(t, k + 4, "as")) {
                int end = k + 5;
                while (end < t.size() && !is(t, end, "go")) {
                    end++;
                }
                views.put(key(t.get(k + 1), t.get(k + 3)), List.copyOf(t.subList(k + 5, end)));
            } else if (is(t, i, "alter") && is(t, k, "table") && is(t, k + 2, ".") && is(t, k + 4, "alter") && is(t, k + 5, "column")) {
                int end = k + 6;
                while (end < t.size() && !is(t, end, ";") && !is(t, end, "go")) {
                    end++;
                }
                alters.add(new Alter(key(t.get(k + 1), t.get(k + 3)), List.copyOf(t.subList(k + 6, end))));
            }
        }
    }

    private void alterColumn(Alter alter) {
        List<String> t = alter.column();
        Map<String, Column> columns = tables.get(alter.table());
        if (columns != null && t.size() > 1) {
            columns.put(lower(t.get(0)), column(t, 1, t.size()));
        }
    }

    /** The columns of a CREATE TABLE's parenthesis: name, type and COLLATE; constraints and indexes skipped. */
    private static Map<String, Column> columns(List<String> t, int open) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int[] item : items(t, open + 1, close(t, open))) {
            String first = lower(t.get(item[0]));
            if (!Set.of("constraint", "primary", "unique", "index", "foreign", "check").contains(first)) {
                columns.put(first, column(t, item[0] + 1, item[1]));
            }
        }
        return columns;
    }

    private static Column column(List<String> t, int from, int to) {
        String collation = null;
        for (int i = from; i < to - 1; i++) {
            if (is(t, i, "collate")) {
                collation = t.get(i + 1);
            }
        }
        return new Column(lower(t.get(from)), collation);
    }

    /** Where the view's column comes from. */
    public Origin origin(String schema, String view, String column) throws UntraceableException {
        List<String> body = views.get(key(schema, view));
        if (body == null) {
            throw new UntraceableException("no view " + schema + "." + view + " in the T-SQL");
        }
        return new Query(body, Map.of(), schema + "." + view).origin(lower(column));
    }

    /** A SELECT (with its CTEs) and how its columns resolve. */
    private final class Query {
        private final Map<String, Query> ctes = new LinkedHashMap<>();
        private final Map<String, List<String>> cteColumns = new LinkedHashMap<>();
        private final List<List<String>> selectItems = new ArrayList<>();
        private final Map<String, Object> sources = new LinkedHashMap<>(); // alias: table/view key, Query, or "values"
        private final String name;

        Query(List<String> t, Map<String, Query> outerCtes, String name) throws UntraceableException {
            this.name = name;
            ctes.putAll(outerCtes);
            int i = 0;
            if (is(t, 0, "with")) {
                i = 1;
                while (true) {
                    String cte = lower(t.get(i));
                    i++;
                    List<String> declared = null;
                    if (is(t, i, "(")) {
                        declared = new ArrayList<>();
                        for (int[] item : items(t, i + 1, close(t, i))) {
                            declared.add(lower(t.get(item[0])));
                        }
                        i = close(t, i) + 1;
                    }
                    expect(t, i, "as");
                    int end = close(t, i + 1);
                    ctes.put(cte, new Query(t.subList(i + 2, end), ctes, cte));
                    if (declared != null) {
                        cteColumns.put(cte, declared);
                    }
                    i = end + 1;
                    if (!is(t, i, ",")) {
                        break;
                    }
                    i++;
                }
            }
            expect(t, i, "select");
            int from = indexAtDepth(t, i, t.size(), Set.of("from"));
            int selectEnd = from < 0 ? indexAtDepth(t, i, t.size(), CLAUSE_END) : from;
            int start = i + 1;
            if (is(t, start, "distinct")) {
                start++;
            }
            if (is(t, start, "top")) {
                start = close(t, start + 1) + 1;
            }
            for (int[] item : items(t, start, selectEnd < 0 ? t.size() : selectEnd)) {
                selectItems.add(t.subList(item[0], item[1]));
            }
            if (from >= 0) {
                int end = indexAtDepth(t, from + 1, t.size(), CLAUSE_END);
                readSources(t, from + 1, end < 0 ? t.size() : end);
            }
        }

        private void readSources(List<String> t, int from, int to) throws UntraceableException {
            int i = from;
            while (i < to) {
                String alias;
                Object source;
                if (is(t, i, "(")) {
                    int end = close(t, i);
                    source = is(t, i + 1, "values") ? "values" : new Query(t.subList(i + 1, end), ctes, name + " (derived table)");
                    i = end + 1;
                } else if (is(t, i + 1, ".")) {
                    source = key(t.get(i), t.get(i + 2));
                    i += 3;
                } else if (is(t, i + 1, "(")) {
                    source = "function " + t.get(i);
                    i = close(t, i + 1) + 1;
                } else {
                    source = lower(t.get(i));
                    i++;
                }
                if (is(t, i, "as")) {
                    i++;
                }
                alias = i < to && !JOIN_WORDS.contains(lower(t.get(i))) && !is(t, i, "on") && !is(t, i, ",") ? lower(t.get(i++)) : null;
                if (is(t, i, "(")) {
                    i = close(t, i) + 1; // a derived table's column list
                }
                String table = source instanceof String s ? s : null;
                sources.put(alias != null ? alias : table != null ? table.replaceFirst("^.*\\.", "") : "?", source);
                while (i < to && !is(t, i, ",") && !is(t, i, "join") && !is(t, i, "apply")) {
                    i = is(t, i, "(") ? close(t, i) + 1 : i + 1;
                }
                i++;
            }
        }

        Origin origin(String column) throws UntraceableException {
            for (List<String> item : selectItems) {
                if (column.equals(outputName(item))) {
                    return expression(strip(item));
                }
            }
            throw new UntraceableException(name + " has no column " + column);
        }

        Origin originAt(int position) throws UntraceableException {
            if (position >= selectItems.size()) {
                throw new UntraceableException(name + " has fewer columns than its declaration");
            }
            return expression(strip(selectItems.get(position)));
        }

        /** The item without its {@code AS alias}. */
        private List<String> strip(List<String> item) {
            int as = item.size() - 2;
            return as > 0 && is(item, as, "as") ? item.subList(0, as) : item;
        }

        private Origin expression(List<String> e) throws UntraceableException {
            int n = e.size();
            if (n > 2 && is(e, n - 2, "collate")) {
                String source;
                try {
                    source = expression(e.subList(0, n - 2)).source();
                } catch (UntraceableException expressionWithExplicitCollation) {
                    source = name + " (an expression)";
                }
                return new Origin(true, e.get(n - 1), source + " COLLATE " + e.get(n - 1));
            }
            if (n > 2 && (is(e, 0, "cast") || is(e, 0, "convert")) && is(e, 1, "(") && close(e, 1) == n - 1) {
                boolean cast = is(e, 0, "cast");
                int split = cast ? lastIndexAtDepth(e, 2, n - 1, "as") : indexAtDepth(e, 2, n - 1, Set.of(","));
                if (split < 0) {
                    throw new UntraceableException(name + ": cannot read " + String.join(" ", e));
                }
                String type = lower(cast ? e.get(split + 1) : e.get(2));
                Origin inner = expression(cast ? e.subList(2, split) : e.subList(split + 1, convertEnd(e, split + 1, n - 1)));
                if (!TEXT_TYPES.contains(type)) {
                    return new Origin(false, null, inner.source());
                }
                return new Origin(true, inner.text() ? inner.collation() : null, inner.source());
            }
            if (n == 1 && (e.get(0).startsWith("'") || e.get(0).startsWith("N'"))) {
                return new Origin(true, null, name + " (a string literal)");
            }
            if (n == 1 && e.get(0).matches("[0-9.]+")) {
                return new Origin(false, null, name + " (a number)");
            }
            if (n == 3 && is(e, 1, ".")) {
                return column(lower(e.get(0)), lower(e.get(2)));
            }
            if (n == 1 && e.get(0).matches("[A-Za-z_\\[].*")) {
                if (sources.size() != 1) {
                    throw new UntraceableException(name + ": column " + e.get(0) + " without its table's alias");
                }
                return column(sources.keySet().iterator().next(), lower(e.get(0)));
            }
            throw new UntraceableException(name + ": an expression, " + String.join(" ", e));
        }

        /** CONVERT(type, value[, style]): where the value ends. */
        private int convertEnd(List<String> e, int from, int to) {
            int comma = indexAtDepth(e, from, to, Set.of(","));
            return comma < 0 ? to : comma;
        }

        private Origin column(String alias, String column) throws UntraceableException {
            Object source = sources.get(alias);
            if (source == null) {
                throw new UntraceableException(name + ": no table, view or CTE " + alias + " in the FROM clause");
            }
            if (source.equals("values")) {
                return new Origin(true, null, name + " (a VALUES list)");
            }
            if (source instanceof Query derived) {
                return derived.origin(column);
            }
            String object = (String) source;
            if (ctes.containsKey(object)) {
                List<String> declared = cteColumns.get(object);
                return declared == null ? ctes.get(object).origin(column) : ctes.get(object).originAt(declared.indexOf(column));
            }
            Map<String, Column> table = tables.get(object);
            if (table != null) {
                Column c = table.get(column);
                if (c == null) {
                    throw new UntraceableException("table " + object + " has no column " + column);
                }
                return new Origin(TEXT_TYPES.contains(c.type()), c.collation(), object + "." + column);
            }
            if (views.containsKey(object)) {
                int dot = object.indexOf('.');
                Origin inner = TsqlSchema.this.origin(object.substring(0, dot), object.substring(dot + 1), column);
                return new Origin(inner.text(), inner.collation(), object + "." + column + " < " + inner.source());
            }
            throw new UntraceableException(name + ": " + object + " is no table, view or CTE of the T-SQL");
        }

        private String outputName(List<String> item) {
            int n = item.size();
            if (n > 2 && is(item, n - 2, "as")) {
                return lower(item.get(n - 1));
            }
            if (n == 3 && is(item, 1, ".")) {
                return lower(item.get(2));
            }
            return n == 1 ? lower(item.get(0)) : null;
        }
    }

    // --- tokens -------------------------------------------------------------------------------

    /** Identifiers ([bracketed] unbracketed), string literals (kept quoted), numbers and single punctuation; comments dropped. */
    static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                i = sql.indexOf('\n', i) < 0 ? n : sql.indexOf('\n', i);
            } else if (sql.startsWith("/*", i)) {
                i = sql.indexOf("*/", i) < 0 ? n : sql.indexOf("*/", i) + 2;
            } else if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
                int j = sql.indexOf('\'', i) + 1;
                while (j < n && (sql.charAt(j) != '\'' || (j + 1 < n && sql.charAt(j + 1) == '\''))) {
                    j += sql.charAt(j) == '\'' ? 2 : 1;
                }
                tokens.add(sql.substring(i, Math.min(j + 1, n)));
                i = j + 1;
            } else if (c == '[') {
                int j = sql.indexOf(']', i);
                tokens.add(sql.substring(i + 1, j < 0 ? n : j));
                i = j < 0 ? n : j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || "_@#$".indexOf(sql.charAt(j)) >= 0
                        || (sql.charAt(j) == '.' && Character.isDigit(c)))) {
                    j++;
                }
                tokens.add(sql.substring(i, j));
                i = j;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static boolean is(List<String> t, int i, String word) {
        return i >= 0 && i < t.size() && t.get(i).equalsIgnoreCase(word);
    }

    private static void expect(List<String> t, int i, String word) throws UntraceableException {
        if (!is(t, i, word)) {
            throw new UntraceableException("expected " + word.toUpperCase(Locale.ROOT) + " near " + String.join(" ", t.subList(Math.max(0, i - 3), Math.min(t.size(), i + 4))));
        }
    }

    /** The index of the parenthesis closing the one at {@code open}. */
    private static int close(List<String> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            depth += is(t, i, "(") ? 1 : is(t, i, ")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return t.size() - 1;
    }

    /** The first token at parenthesis depth 0 that is one of the words, or -1. */
    private static int indexAtDepth(List<String> t, int from, int to, Set<String> words) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            depth += is(t, i, "(") ? 1 : is(t, i, ")") ? -1 : 0;
            if (depth == 0 && words.contains(lower(t.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexAtDepth(List<String> t, int from, int to, String word) {
        int found = -1;
        int depth = 0;
        for (int i = from; i < to; i++) {
            depth += is(t, i, "(") ? 1 : is(t, i, ")") ? -1 : 0;
            if (depth == 0 && is(t, i, word)) {
                found = i;
            }
        }
        return found;
    }

    /** [start, end) of each comma-separated item at depth 0. */
    private static List<int[]> items(List<String> t, int from, int to) {
        List<int[]> items = new ArrayList<>();
        int start = from;
        int depth = 0;
        for (int i = from; i < to; i++) {
            depth += is(t, i, "(") ? 1 : is(t, i, ")") ? -1 : 0;
            if (depth == 0 && is(t, i, ",")) {
                items.add(new int[] {start, i});
                start = i + 1;
            }
        }
        if (start < to) {
            items.add(new int[] {start, to});
        }
        return items;
    }

    private static String key(String schema, String object) {
        return lower(schema) + "." + lower(object);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
