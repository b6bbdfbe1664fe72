package org.ecom.cli;

import java.util.concurrent.Callable;
import org.ecom.db.Deployer;
import org.ecom.db.EmbeddedDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Drop the embedded database (every batch, sale, summary and model run in it) and deploy the schema again, empty: to start over, or to switch between demo and real data, which never share a database. Asks first unless --yes is given. Another database (--db) is never dropped by ecom.")
final class ResetCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--yes", description = "Do not ask: drop and redeploy at once (needed without a terminal).")
    boolean yes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (database.jdbcUrl != null && !database.jdbcUrl.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "reset drops the embedded database only, not " + DatabaseOptions.targetOf(database.jdbcUrl)
                            + " (--db or $ECOM_DB_URL): drop that one yourself if you mean it");
        }
        if (!yes && !confirmed()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "reset drops every batch in " + EcomHome.dataFolder() + ": pass --yes to confirm");
        }
        try (DatabaseOptions.Opened db = database.open()) {
            EmbeddedDatabase embedded = db.embedded();
            long batches = db.target().jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT to_regclass('staging.load_batch') IS NOT NULL").mapTo(Boolean.class).one()
                    ? handle.createQuery("SELECT COUNT(*) FROM staging.load_batch").mapTo(Long.class).one() : 0L);
            embedded.dropDatabase(EmbeddedDatabase.DATABASE_NAME);
            embedded.createDatabaseIfMissing(EmbeddedDatabase.DATABASE_NAME);
            Deployer.deploy(db.target());
            Console.status("reset: " + Console.count(batches) + " batch(es) dropped; the embedded database in "
                    + EcomHome.dataFolder() + " is deployed again, empty");
        }
        return 0;
    }

    /** On a terminal: asks, and only "yes" goes on. */
    private boolean confirmed() {
        java.io.Console terminal = System.console();
        if (terminal == null) {
            return false;
        }
        String answer = terminal.readLine("Drop every batch, sale, summary and model run in %s? Type yes to go on: ",
                EcomHome.dataFolder());
        return "yes".equals(answer == null ? null : answer.strip());
    }
}
