package org.ecom.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    private Deployer() {
    }

    /** Brings the database up to date with the changelog of its dialect. */
    public static void deploy(DatabaseTarget target) {
        try (Connection connection = target.connect()) {
            deploy(connection, target.dialect());
        } catch (SQLException e) {
            throw new DeployException("cannot connect to " + target + ": " + e.getMessage(), e);
        }
    }

    public static void deploy(Connection connection, Dialect dialect) {
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            run(() -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, dialect.changelog())
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (Exception e) {
            throw new DeployException("deploy failed: " + rootMessage(e), e);
        }
    }

    /**
     * Writes the SQL that a first deploy would run, without any server: what a DBA reviews before a
     * release. Liquibase's offline mode tracks what it printed in a CSV file, so each call uses a
     * fresh one or a second call would print nothing.
     */
    public static void printSql(Dialect dialect, OutputStream out) {
        Path tracking = null;
        try {
            // The temp folder may not exist yet (the build points java.io.tmpdir into target/).
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            tracking = Files.createTempFile("ecom-offline-changelog", ".csv");
            Files.delete(tracking);
            String url = "offline:" + dialect.liquibaseName() + "?changeLogFile=" + tracking
                    + "&outputLiquibaseSql=none";
            Database database = DatabaseFactory.getInstance()
                    .openDatabase(url, null, null, null, new ClassLoaderResourceAccessor());
            run(() -> new CommandScope(UpdateSqlCommandStep.COMMAND_NAME)
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

    /** Runs a Liquibase command with its console chatter sent to the (quiet) log instead. */
    private static void run(Scope.ScopedRunner<?> command) throws Exception {
        Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), command);
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
