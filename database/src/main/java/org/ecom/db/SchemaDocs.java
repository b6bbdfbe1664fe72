package org.ecom.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schema reference (docs/schema.md), written from a deployed PostgreSQL database rather than by
 * hand: per schema a Mermaid ER diagram of its tables, keys and foreign keys, then a table of its
 * views, functions and procedures with the header comment of the changeset file that created each
 * (the file Liquibase's tracking table names for it). Everything is sorted, so the same changelog
 * always gives the same text.
 */
public final class SchemaDocs {

    /** The project's schemas, in data-flow order. */
    public static final List<String> SCHEMAS = List.of("staging", "quality", "sales", "mart", "kpi", "analysis", "ml");

    private record Column(String name, String type, String key) {
    }

    private record ForeignKey(String table, String column, String referencedTable) {
    }

    private record Routine(String name, String kind) {
    }

    private SchemaDocs() {
    }

    public static String markdown(Connection c) throws SQLException {
        Map<String, String> files = changesetFiles(c);
        StringBuilder md = new StringBuilder("""
                # The warehouse's schemas

                Generated from the catalog of a deployed database (PostgreSQL) by `./ecom docs --out docs/schema.md`:
                do not edit by hand; run that command after changing the changelog (a test fails while this file
                is out of date). PostgreSQL leaves out the foreign keys of the staging and fact tables, which it
                would check row by row (database/README.md), so the diagrams draw only the keys it has; the T-SQL
                changelog declares them all. PK primary key, FK foreign key, UK unique.
                """);
        for (String schema : SCHEMAS) {
            md.append("\n## ").append(schema).append("\n\n");
            Map<String, List<Column>> tables = tables(c, schema);
            if (!tables.isEmpty()) {
                md.append("```mermaid\nerDiagram\n");
                tables.forEach((table, columns) -> {
                    md.append("    ").append(table).append(" {\n");
                    for (Column column : columns) {
                        md.append("        ").append(column.type()).append(' ').append(column.name())
                                .append(column.key().isEmpty() ? "" : " " + column.key()).append('\n');
                    }
                    md.append("    }\n");
                });
                for (ForeignKey fk : foreignKeys(c, schema)) {
                    md.append("    ").append(entity(schema, fk.referencedTable())).append(" ||--o{ ")
                            .append(entity(schema, fk.table())).append(" : \"").append(fk.column()).append("\"\n");
                }
                md.append("```\n");
            }
            List<Routine> routines = routines(c, schema);
            if (!routines.isEmpty()) {
                md.append("\n| Object | Kind | What it is |\n|---|---|---|\n");
                for (Routine r : routines) {
                    md.append("| `").append(r.name()).append("` | ").append(r.kind()).append(" | ")
                            .append(headerComment(files.get(r.name())).replace("|", "\\|")).append(" |\n");
                }
            }
        }
        return md.toString();
    }

    /** The entity of a table in a schema's diagram: its bare name, or schema_name when it lives elsewhere. */
    private static String entity(String schema, String qualified) {
        String[] parts = qualified.split("\\.");
        return parts[0].equals(schema) ? parts[1] : parts[0] + "_" + parts[1];
    }

    private static Map<String, List<Column>> tables(Connection c, String schema) throws SQLException {
        Map<String, List<Column>> tables = new TreeMap<>();
        String sql = """
                SELECT cl.relname, a.attname,
                       regexp_replace(format_type(a.atttypid, NULL), ' ', '_', 'g'),
                       concat_ws(', ',
                           CASE WHEN EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = cl.oid AND k.contype = 'p' AND a.attnum = ANY (k.conkey)) THEN 'PK' END,
                           CASE WHEN EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = cl.oid AND k.contype = 'f' AND a.attnum = ANY (k.conkey)) THEN 'FK' END,
                           CASE WHEN EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = cl.oid AND k.contype = 'u' AND a.attnum = ANY (k.conkey)) THEN 'UK' END)
                FROM pg_class cl
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = '%s' AND cl.relkind IN ('r', 'p')
                ORDER BY cl.relname, a.attnum""".formatted(schema);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                tables.computeIfAbsent(r.getString(1), t -> new ArrayList<>())
                        .add(new Column(r.getString(2), shortType(r.getString(3)), r.getString(4)));
            }
        }
        return tables;
    }

    private static String shortType(String type) {
        return switch (type) {
            case "character_varying" -> "varchar";
            case "character" -> "char";
            case "timestamp_without_time_zone" -> "timestamp";
            case "double_precision" -> "float8";
            default -> type;
        };
    }

    /** Foreign keys of the schema's tables, one per referencing column set. */
    private static List<ForeignKey> foreignKeys(Connection c, String schema) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        String sql = """
                SELECT n.nspname || '.' || cl.relname,
                       (SELECT string_agg(a.attname, ', ' ORDER BY a.attnum) FROM pg_attribute a
                        WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)),
                       rn.nspname || '.' || rc.relname
                FROM pg_constraint k
                JOIN pg_class cl ON cl.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                JOIN pg_class rc ON rc.oid = k.confrelid
                JOIN pg_namespace rn ON rn.oid = rc.relnamespace
                WHERE k.contype = 'f' AND n.nspname = '%s'
                ORDER BY 1, 2, 3""".formatted(schema);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                keys.add(new ForeignKey(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
        return keys;
    }

    /** Views, functions and procedures of the schema, by name. */
    private static List<Routine> routines(Connection c, String schema) throws SQLException {
        List<Routine> routines = new ArrayList<>();
        String sql = """
                SELECT n.nspname || '.' || cl.relname AS name, 'view' AS kind
                FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE n.nspname = '%1$s' AND cl.relkind IN ('v', 'm')
                UNION
                SELECT n.nspname || '.' || p.proname, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = '%1$s'
                ORDER BY 1""".formatted(schema);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                routines.add(new Routine(r.getString(1), r.getString(2)));
            }
        }
        return routines;
    }

    /** Each changeset's file, by changeset id (the object's schema.name), as the tracking table recorded it. */
    private static Map<String, String> changesetFiles(Connection c) throws SQLException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id, filename FROM databasechangelog")) {
            while (r.next()) {
                files.put(r.getString(1), r.getString(2));
            }
        }
        return files;
    }

    /**
     * The comment lines a changeset file starts with (after Liquibase's first line), joined into
     * one line (runs of spaces, such as a formula's alignment, made one): what the object answers or does. Read from the deployed changelog on the class path.
     */
    static String headerComment(String file) {
        if (file == null) {
            return "";
        }
        InputStream in = SchemaDocs.class.getClassLoader().getResourceAsStream(file);
        if (in == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String t = line.strip();
                if (t.startsWith("--liquibase") || t.isEmpty()) {
                    continue;
                }
                if (!t.startsWith("--") || t.startsWith("--changeset")) {
                    break;
                }
                lines.add(t.substring(2).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(" ", lines).replaceAll("\\s+", " ").strip();
    }
}
