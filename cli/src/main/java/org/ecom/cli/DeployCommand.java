package org.ecom.cli;

import java.util.concurrent.Callable;
import org.ecom.db.Deployer;
import org.ecom.db.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Apply the Liquibase changelog (schemas, tables, procedures, views, roles) to the database. With --print-sql, print the SQL instead, without any server: what a DBA reviews before a release.")
final class DeployCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--print-sql", description = "Print the SQL a first deploy would run, and exit.")
    boolean printSql;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "mssql",
            description = "With --print-sql: mssql (T-SQL, the default) or postgresql.")
    String dialect;

    @Override
    public Integer call() {
        if (printSql) {
            Deployer.printSql(Dialect.ofName(dialect), System.out);
            System.out.flush();
            return 0;
        }
        try (DatabaseOptions.Opened db = database.open()) {
            long start = System.nanoTime();
            Deployer.deploy(db.target()).forEach(Console::status);
            Console.status("deployed to " + db.target() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return 0;
    }
}
