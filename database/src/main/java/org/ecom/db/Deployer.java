package org.ecom.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Applies a dialect's Liquibase changelog to a database, or prints the SQL it would run. */
public final class Deployer {

    /** Held so that the level set on it is not lost when the logger is garbage-collected. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        // Liquibase reports usage to its vendor unless told not to; we never want that.
        System.setProperty("liquibase.analytics.enabled", "false");
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    /**
     * What the printed T-SQL starts with: how to run it, sqlcmd's stop at the first error, and the
     * database setting before any object. Liquibase then prints its tracking table and the
     * changesets in changelog order, each followed by its tracking row.
     */
    private static final String SQLCMD_HEADER = """
            -- The T-SQL deploy of the e-commerce analytics warehouse, for an empty database (SQL Server
            -- 2019+ or Azure SQL). Run it in that database with sqlcmd:
            --     sqlcmd -S SERVER -d DATABASE -i deploy.sql
            -- It stops at the first error. Like ./ecom deploy, it records every changeset in Liquibase's
            -- tracking table (DATABASECHANGELOG, in your default schema), so ./ecom deploy afterwards has
            -- nothing to do, and applies later releases on top.
            :on error exit

            -- Readers (Power BI DirectQuery) must not wait for each load to commit. Needs a moment when no
            -- one else is connected: NO_WAIT stops the script here, before any change, when that fails.
            %s
            GO

            """.formatted(ReadCommittedSnapshot.SET_ON_WHEN_OFF);

    private Deployer() {
    }

    /**
     * Brings the database up to date with the changelog of its dialect. Returns what the person
     * deploying should know about the server's settings (nothing when all is well).
     */
    public static List<String> deploy(DatabaseTarget target) {
        try (Connection connection = target.connect()) {
            return deploy(connection, target.dialect());
        } catch (SQLException e) {
            throw new DeployException("cannot connect to " + target + ": " + e.getMessage(), e);
        }
    }

    public static List<String> deploy(Connection connection, Dialect dialect) {
        try {
            boolean babelfish = dialect == Dialect.MSSQL && Babelfish.is(connection);
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            run(babelfish, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, dialect.changelog())
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (Exception e) {
            throw new DeployException("deploy failed: " + rootMessage(e), e);
        }
        return dialect == Dialect.MSSQL ? ReadCommittedSnapshot.ensure(connection) : List.of();
    }

    /**
     * Writes the SQL that a first deploy would run, without any server: what a DBA reviews before a
     * release, and can run by hand (T-SQL: with sqlcmd). It creates and fills Liquibase's tracking
     * table as a deploy does, so that the next {@link #deploy} finds nothing left to do.
     */
    public static void printSql(Dialect dialect, OutputStream out) {
        printSql(dialect, false, out);
    }

    /**
     * The T-SQL script for a Babelfish server: the {@link BabelfishAdjustment}s applied, as a
     * deploy to Babelfish applies them.
     */
    public static void printBabelfishSql(OutputStream out) {
        printSql(Dialect.MSSQL, true, out);
    }

    /**
     * Liquibase's offline mode tracks what it printed in a CSV file, so each call uses a fresh one
     * or a second call would print nothing.
     */
    private static void printSql(Dialect dialect, boolean babelfish, OutputStream out) {
        Path tracking = null;
        try {
            // The temp folder may not exist yet (the build points java.io.tmpdir into target/).
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            tracking = Files.createTempFile("ecom-offline-changelog", ".csv");
            Files.delete(tracking);
            String url = "offline:" + dialect.liquibaseName() + "?changeLogFile=" + tracking
                    + "&outputLiquibaseSql=all";
            Database database = DatabaseFactory.getInstance()
                    .openDatabase(url, null, null, null, new ClassLoaderResourceAccessor());
            if (dialect == Dialect.MSSQL) {
                String forWhom = babelfish ? "-- Printed for Babelfish: with its adjustments (database/README.md).\n" : "";
                out.write((forWhom + SQLCMD_HEADER).getBytes(StandardCharsets.UTF_8));
            }
            run(babelfish, () -> new CommandScope(UpdateSqlCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateSqlCommandStep.CHANGELOG_FILE_ARG, dialect.changelog())
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .setOutput(out)
                    .execute());
        } catch (Exception e) {
            throw new DeployException("could not generate " + dialect.liquibaseName() + " SQL: " + rootMessage(e), e);
        } finally {
            if (tracking != null) {
                try {
                    Files.deleteIfExists(tracking);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Runs a Liquibase command with its console chatter sent to the (quiet) log instead. On
     * Babelfish: the {@link BabelfishAdjustment}s on ({@link BabelfishSqlGenerator}), and Liquibase's
     * tracking tables named in lower case. Babelfish names its collations in lower case
     * (sql_latin1_general_cp1_ci_as), so Liquibase, which looks for "_CI_", takes the database for a
     * case-sensitive one and, asking for DATABASECHANGELOG, misses databasechangelog (the name
     * PostgreSQL keeps): a second deploy would fail on CREATE TABLE. SQL Server keeps the usual names.
     */
    private static void run(boolean babelfish, Scope.ScopedRunner<?> command) throws Exception {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(BabelfishSqlGenerator.BABELFISH_SCOPE_KEY, babelfish);
        if (babelfish) {
            scope.put(GlobalConfiguration.DATABASECHANGELOG_TABLE_NAME.getKey(), "databasechangelog");
            scope.put(GlobalConfiguration.DATABASECHANGELOGLOCK_TABLE_NAME.getKey(), "databasechangeloglock");
        }
        Scope.child(scope, command);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.strip();
    }

    /** A deploy that did not happen, with one line saying why. */
    public static final class DeployException extends RuntimeException {
        public DeployException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
