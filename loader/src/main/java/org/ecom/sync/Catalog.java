package org.ecom.sync;

import java.util.List;
import java.util.Locale;
import org.ecom.db.DatabaseTarget;

/** What a database holds, read from INFORMATION_SCHEMA, which both dialects have (names lower-cased). */
final class Catalog {

    /** A column of a table or view, and its data type as the server names it. */
    record Column(String name, String dataType) {
    }

    private Catalog() {
    }

    static boolean hasTable(DatabaseTarget target, String schema, String table) {
        return target.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = :schema AND TABLE_NAME = :table")
                .bind("schema", schema).bind("table", table).mapTo(Integer.class).one()) > 0;
    }

    /** Tables and views of the schemas, as schema.name, sorted. */
    static List<String> objects(DatabaseTarget target, List<String> schemas) {
        return target.jdbi().withHandle(h -> h.createQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA IN (<schemas>)")
                .bindList("schemas", schemas)
                .map((r, ctx) -> (r.getString(1) + "." + r.getString(2)).toLowerCase(Locale.ROOT))
                .list()).stream().sorted().toList();
    }

    /** The base tables of a schema, as schema.name. */
    static List<String> baseTables(DatabaseTarget target, String schema) {
        return target.jdbi().withHandle(h -> h.createQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = :schema AND TABLE_TYPE = 'BASE TABLE'")
                .bind("schema", schema)
                .map((r, ctx) -> (schema + "." + r.getString(1)).toLowerCase(Locale.ROOT))
                .list());
    }

    static List<Column> columns(DatabaseTarget target, String object) {
        String[] name = object.split("\\.");
        return target.jdbi().withHandle(h -> h.createQuery("SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = :schema AND TABLE_NAME = :table ORDER BY ORDINAL_POSITION")
                .bind("schema", name[0]).bind("table", name[1])
                .map((r, ctx) -> new Column(r.getString(1).toLowerCase(Locale.ROOT), r.getString(2).toLowerCase(Locale.ROOT)))
                .list());
    }
}
