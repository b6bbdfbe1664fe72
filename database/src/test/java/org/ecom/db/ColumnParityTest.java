package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The T-SQL changelog creates the same objects as the PostgreSQL one, with the same columns in the
 * same order and the same parameters: every table, view, function and procedure of the project
 * schemas, as deployed on PostgreSQL, against what sqlfluff's T-SQL parse tree of database/mssql
 * says (database/tsql-gate/tsql_objects.py; no SQL Server needed). Names compare case-insensitively;
 * PostgreSQL's p_ parameter prefix and T-SQL's @ are not part of a parameter's name.
 *
 * <p>Like the T-SQL gate, it needs Python 3 (for sqlfluff) and skips loudly without it ({@link TsqlParseTree}).
 */
@DatabaseTest
class ColumnParityTest {

    /**
     * Differences that are on purpose, each an exact line of the failure message, with a comment
     * saying why. None so far: the two dialects declare the same columns and parameters.
     */
    private static final Set<String> INTENDED_DIFFERENCES = Set.of();

    private static final List<String> NOT_PROJECT_SCHEMAS = List.of("pg_catalog", "information_schema", "public");

    /** One object as one dialect declares it; columns is null when they could not be read. */
    record DbObject(String kind, List<String> columns, List<String> parameters, String note) {
    }

    @Test
    void everyObjectHasTheSameColumnsAndParametersInBothDialects() throws Exception {
        Path parsed = TsqlParseTree.of("database/mssql");
        Map<String, DbObject> postgresql = postgresObjects();
        assertFalse(postgresql.isEmpty(), "no table, view or routine in the project schemas of PostgreSQL");
        Map<String, DbObject> mssql = tsqlObjects(parsed);

        List<String> differences = differences(postgresql, mssql);
        List<String> intended = differences.stream().filter(INTENDED_DIFFERENCES::contains).toList();
        List<String> failing = differences.stream().filter(d -> !INTENDED_DIFFERENCES.contains(d)).toList();
        List<String> notCompared = new ArrayList<>();
        mssql.forEach((name, o) -> {
            if (o.columns() == null) {
                notCompared.add(name + " (" + o.kind() + "): " + o.note());
            }
        });

        System.out.printf("ColumnParityTest: %d objects in PostgreSQL, %d in database/mssql%n",
                postgresql.size(), mssql.size());
        notCompared.forEach(n -> System.out.println("  columns NOT compared, unresolvable in T-SQL: " + n));
        intended.forEach(d -> System.out.println("  intended difference (allow-listed): " + d));
        if (!failing.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(failing.size()).append(" difference(s) between database/postgresql (as deployed)")
                    .append(" and database/mssql (as parsed):\n");
            failing.forEach(d -> message.append("  ").append(d).append('\n'));
            if (!notCompared.isEmpty()) {
                message.append("columns not compared (unresolvable in T-SQL):\n");
                notCompared.forEach(n -> message.append("  ").append(n).append('\n'));
            }
            fail(message.toString());
        }
    }

    // ---- comparison ----

    static List<String> differences(Map<String, DbObject> postgresql, Map<String, DbObject> mssql) {
        List<String> differences = new ArrayList<>();
        Set<String> names = new TreeSet<>(postgresql.keySet());
        names.addAll(mssql.keySet());
        for (String name : names) {
            DbObject pg = postgresql.get(name);
            DbObject ms = mssql.get(name);
            if (ms == null) {
                differences.add(name + ": " + pg.kind() + " in postgresql, missing from database/mssql");
                continue;
            }
            if (ms.note() != null && ms.note().startsWith("defined twice")) {
                differences.add(name + ": " + ms.note());
            }
            if (pg == null) {
                differences.add(name + ": " + ms.kind() + " in database/mssql (" + ms.note() + "), missing from postgresql");
                continue;
            }
            String what = name + " (" + pg.kind() + ")";
            if (!pg.kind().equals(ms.kind())) {
                differences.add(what + ": a " + pg.kind() + " in postgresql, a " + ms.kind() + " in database/mssql");
            }
            if (ms.columns() != null) {
                compare(differences, what + " columns", pg.columns(), ms.columns());
            }
            compare(differences, what + " parameters", pg.parameters(), ms.parameters());
        }
        return differences;
    }

    private static void compare(List<String> differences, String what, List<String> postgresql, List<String> mssql) {
        List<String> pg = lower(postgresql);
        List<String> ms = lower(mssql);
        if (pg.equals(ms)) {
            return;
        }
        StringBuilder d = new StringBuilder(what).append(": postgresql ").append(postgresql)
                .append(", mssql ").append(mssql);
        List<String> missing = pg.stream().filter(n -> !ms.contains(n)).toList();
        List<String> extra = ms.stream().filter(n -> !pg.contains(n)).toList();
        if (!missing.isEmpty()) {
            d.append("; missing in mssql: ").append(missing);
        }
        if (!extra.isEmpty()) {
            d.append("; only in mssql: ").append(extra);
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            int i = 0;
            while (pg.get(i).equals(ms.get(i))) {
                i++;
            }
            d.append("; same names, order differs from position ").append(i + 1)
                    .append(" (postgresql ").append(pg.get(i)).append(", mssql ").append(ms.get(i)).append(')');
        }
        differences.add(d.toString());
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    // ---- PostgreSQL, as deployed ----

    static Map<String, DbObject> postgresObjects() throws SQLException {
        Map<String, DbObject> objects = new TreeMap<>();
        try (Connection c = ContractEngines.freshPostgres().connect()) {
            List<String> schemas = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT nspname FROM pg_namespace WHERE nspname <> ALL (?) AND nspname NOT LIKE 'pg\\_%' ORDER BY 1")) {
                s.setArray(1, c.createArrayOf("text", NOT_PROJECT_SCHEMAS.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        schemas.add(r.getString(1));
                    }
                }
            }
            assertFalse(schemas.isEmpty(), "no project schema in PostgreSQL");
            java.sql.Array projectSchemas = c.createArrayOf("text", schemas.toArray());

            // tables (also partitioned and foreign) and views (also materialized), columns in order
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT n.nspname || '.' || t.relname,
                           CASE WHEN t.relkind IN ('v', 'm') THEN 'view' ELSE 'table' END,
                           a.attname
                    FROM pg_class AS t
                    JOIN pg_namespace AS n ON n.oid = t.relnamespace
                    LEFT JOIN pg_attribute AS a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE n.nspname = ANY (?) AND t.relkind IN ('r', 'p', 'f', 'v', 'm')
                    ORDER BY 1, a.attnum""")) {
                s.setArray(1, projectSchemas);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        DbObject o = objects.computeIfAbsent(r.getString(1),
                                k -> new DbObject(rsString(r, 2), new ArrayList<>(), List.of(), null));
                        if (r.getString(3) != null) {
                            o.columns().add(r.getString(3));
                        }
                    }
                }
            }

            // functions and procedures: IN parameters, and OUT/TABLE ones as output columns
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT n.nspname || '.' || p.proname, p.oid,
                           CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
                           a.name, COALESCE(a.mode, 'i'), a.ord
                    FROM pg_proc AS p
                    JOIN pg_namespace AS n ON n.oid = p.pronamespace
                    LEFT JOIN LATERAL unnest(p.proargnames, p.proargmodes::text[]) WITH ORDINALITY AS a (name, mode, ord)
                           ON true
                    WHERE n.nspname = ANY (?) AND p.prokind IN ('f', 'p')
                    ORDER BY 1, 2, a.ord""")) {
                s.setArray(1, projectSchemas);
                Map<String, Long> oids = new TreeMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String name = r.getString(1);
                        long oid = r.getLong(2);
                        if (oids.containsKey(name) && oids.get(name) != oid) {
                            objects.put(name, new DbObject(r.getString(3), List.of(), List.of(),
                                    "overloaded in postgresql: compare by hand"));
                            continue;
                        }
                        oids.put(name, oid);
                        DbObject o = objects.computeIfAbsent(name,
                                k -> new DbObject(rsString(r, 3), new ArrayList<>(), new ArrayList<>(), null));
                        if (r.getObject(6) == null) {
                            continue; // no argument at all
                        }
                        String argument = r.getString(4) == null ? "$" + r.getLong(6) : r.getString(4);
                        String mode = r.getString(5);
                        if (mode.equals("i") || mode.equals("b") || mode.equals("v")) {
                            o.parameters().add(argument.startsWith("p_") ? argument.substring(2) : argument);
                        }
                        if (mode.equals("o") || mode.equals("b") || mode.equals("t")) {
                            o.columns().add(argument);
                        }
                    }
                }
            }
        }
        return objects;
    }

    private static String rsString(ResultSet r, int column) {
        try {
            return r.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- T-SQL, as sqlfluff parses it ----

    static Map<String, DbObject> tsqlObjects(Path parsed) throws Exception {
        String script = "tsql_objects.py";
        TsqlParseTree.ProcessResult result = TsqlParseTree.runScript(script, parsed);
        if (result.exitCode() != 0) {
            fail(script + " failed (exit code " + result.exitCode() + "):\n" + result.output());
        }
        Map<String, DbObject> objects = new TreeMap<>();
        JsonNode document = new ObjectMapper().readTree(result.stdout());
        for (Map.Entry<String, JsonNode> entry : document.properties()) {
            JsonNode o = entry.getValue();
            String file = o.path("file").asText();
            if (file.startsWith("database/mssql/tests/")) {
                continue; // tSQLt test classes: not deployed, no PostgreSQL counterpart
            }
            String note = o.hasNonNull("duplicate_of") ? "defined twice, in " + o.get("duplicate_of").asText() + " and " + file
                    : o.hasNonNull("unresolved") ? o.get("unresolved").asText() + " (" + file + ")"
                    : file;
            objects.put(entry.getKey(), new DbObject(o.get("kind").asText(),
                    o.get("columns").isNull() ? null : strings(o.get("columns")), strings(o.get("parameters")), note));
        }
        assertFalse(objects.isEmpty(), script + " found no object in database/mssql");
        return objects;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
