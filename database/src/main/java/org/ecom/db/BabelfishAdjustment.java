package org.ecom.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deployer changes in a T-SQL batch when, and only when, the server says it is Babelfish
 * for PostgreSQL: each adjustment works around one SQL Server feature Babelfish lacks, with the
 * reason and what SQL Server and Azure SQL still get. The changelog's text (and so its checksums)
 * stays the T-SQL written for SQL Server; database/README.md lists these beside the gaps that were
 * solved by writing T-SQL both accept.
 */
public enum BabelfishAdjustment {

    CREATE_OR_ALTER_AS_DROP_AND_CREATE(
            "Babelfish has no CREATE OR ALTER, nor ALTER VIEW or ALTER FUNCTION (ALTER PROCEDURE it has)",
            "CREATE OR ALTER, which keeps the object's permissions and its dependants") {
        @Override
        List<String> apply(String batch) {
            Matcher m = CREATE_OR_ALTER.matcher(batch);
            if (!m.find()) {
                return List.of(batch);
            }
            String kind = m.group(2).toUpperCase(Locale.ROOT);
            String name = m.group(3);
            if (kind.startsWith("PROC")) {
                // The pre-2016 idiom: a stub when missing, then ALTER, so a procedure keeps its grants.
                return List.of("IF OBJECT_ID(N'" + name + "', N'P') IS NULL EXEC (N'CREATE PROCEDURE " + name
                                + " AS RETURN;')",
                        batch.substring(0, m.start(1)) + "ALTER" + batch.substring(m.end(1)));
            }
            return List.of("DROP " + kind + " IF EXISTS " + name,
                    batch.substring(0, m.start(1)) + "CREATE" + batch.substring(m.end(1)));
        }
    },

    CLUSTERED_COLUMNSTORE_LEFT_OUT(
            "Babelfish has no columnstore index (its tables are PostgreSQL heaps)",
            "the clustered columnstore index of sales.invoice_line, for batch-mode scans") {
        @Override
        List<String> apply(String batch) {
            return withoutIfEmpty(COLUMNSTORE.matcher(batch).replaceAll(""));
        }
    },

    ROLE_OWNED_BY_CREATOR(
            "Babelfish rejects CREATE ROLE ... AUTHORIZATION",
            "roles owned by dbo whoever deploys") {
        @Override
        List<String> apply(String batch) {
            return List.of(ROLE_AUTHORIZATION.matcher(batch).replaceAll("$1"));
        }
    },

    BULK_OPERATIONS_GRANT_LEFT_OUT(
            "Babelfish has no ADMINISTER DATABASE BULK OPERATIONS permission (its bulk insert needs INSERT only)",
            "the permission granted to etl_loader where the server knows it (Azure SQL Database)") {
        @Override
        List<String> apply(String batch) {
            return withoutIfEmpty(BULK_GRANT.matcher(batch).replaceAll(""));
        }
    },

    UPDATE_STATISTICS_LEFT_OUT(
            "Babelfish has neither UPDATE STATISTICS nor WITH EXECUTE AS OWNER ('not currently supported'):"
                    + " staging.refresh_statistics keeps its checks but refreshes nothing there, and the planner"
                    + " statistics of a Babelfish database are PostgreSQL autovacuum's",
            "staging.refresh_statistics run as its owner, refreshing the statistics of what each step filled") {
        @Override
        List<String> apply(String batch) {
            // A statement stays in each place, as an IF ... BEGIN END block may not be empty.
            return List.of(UPDATE_STATISTICS.matcher(EXECUTE_AS_OWNER.matcher(batch).replaceAll("")).replaceAll("SET NOCOUNT ON;"));
        }
    },

    FOREIGN_KEYS_LEFT_OUT_UNLESS_CASCADING(
            "Babelfish's foreign-key checks fail: always on a binary-collation column (\"could not determine"
                    + " which collation to use for string comparison\"), and on any column once the session has"
                    + " created a temporary table (the re-planned check names the database twice: relation"
                    + " \"db_db_schema.table\" does not exist). The cascading keys of a model run's rows stay:"
                    + " ml.prune_runs relies on them, and the sidecar that writes those rows creates no temporary table",
            "every foreign key; on Babelfish, as on PostgreSQL whose fact tables carry none, the contract tests"
                    + " check that every line has its invoice and product") {
        @Override
        List<String> apply(String batch) {
            return List.of(FOREIGN_KEY.matcher(batch).replaceAll(key -> key.group(1) == null ? "" : "$0"));
        }
    };

    private static final Pattern CREATE_OR_ALTER = Pattern.compile(
            "(?im)^\\s*(CREATE\\s+OR\\s+ALTER)\\s+(VIEW|FUNCTION|PROCEDURE|PROC)\\s+([\\w.\\[\\]]+)");
    private static final Pattern COLUMNSTORE = Pattern.compile(
            "(?i)CREATE\\s+CLUSTERED\\s+COLUMNSTORE\\s+INDEX\\s+\\w+\\s+ON\\s+[\\w.\\[\\]]+\\s*;?");
    private static final Pattern ROLE_AUTHORIZATION = Pattern.compile(
            "(?i)(CREATE\\s+ROLE\\s+[\\w\\[\\]]+)\\s+AUTHORIZATION\\s+[\\w\\[\\]]+");
    private static final Pattern EXECUTE_AS_OWNER = Pattern.compile("(?i)\\s+WITH\\s+EXECUTE\\s+AS\\s+OWNER\\b");
    private static final Pattern UPDATE_STATISTICS = Pattern.compile("(?i)UPDATE\\s+STATISTICS\\s+[\\w.\\[\\]]+\\s*;");
    /** The grant, with the IF EXISTS (...) that guards it when it has one. */
    private static final Pattern BULK_GRANT = Pattern.compile(
            "(?is)(IF\\s+EXISTS\\s*\\((?:[^()]|\\([^()]*\\))*\\)\\s*)?"
                    + "GRANT\\s+ADMINISTER\\s+DATABASE\\s+BULK\\s+OPERATIONS\\s+TO\\s+[\\w\\[\\], ]+?\\s*(;|$)");
    /** A foreign key of CREATE TABLE with the comma before it; group 1 is its ON DELETE CASCADE, if any. */
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "(?i),\\s*CONSTRAINT\\s+\\w+\\s+FOREIGN\\s+KEY\\s*\\([^)]*\\)\\s*REFERENCES\\s+[\\w.\\[\\]]+\\s*\\([^)]*\\)"
                    + "(\\s+ON\\s+DELETE\\s+CASCADE)?");
    private static final Pattern COMMENTS = Pattern.compile("(?s)--[^\\n]*|/\\*.*?\\*/");

    private final String reason;
    private final String sqlServerGets;

    BabelfishAdjustment(String reason, String sqlServerGets) {
        this.reason = reason;
        this.sqlServerGets = sqlServerGets;
    }

    /** Why Babelfish needs it. */
    public String reason() {
        return reason;
    }

    /** What SQL Server and Azure SQL get instead, unchanged. */
    public String sqlServerGets() {
        return sqlServerGets;
    }

    /** The batches to run on Babelfish instead of this one (none, one, or several in order). */
    abstract List<String> apply(String batch);

    /** One T-SQL batch as Babelfish must receive it: every adjustment applied, in order. */
    public static List<String> adjust(String batch) {
        List<String> batches = List.of(batch);
        for (BabelfishAdjustment adjustment : values()) {
            List<String> next = new ArrayList<>();
            for (String b : batches) {
                next.addAll(adjustment.apply(b));
            }
            batches = next;
        }
        return batches;
    }

    /** A batch left with nothing but comments and blanks is not sent at all. */
    private static List<String> withoutIfEmpty(String batch) {
        return COMMENTS.matcher(batch).replaceAll("").isBlank() ? List.of() : List.of(batch);
    }
}
