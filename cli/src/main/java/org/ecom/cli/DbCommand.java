package org.ecom.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ecom.db.Deployer;
import org.ecom.db.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Start the embedded PostgreSQL with its data in .ecom/pgdata, deploy the schema, print a JDBC URL (and a psql command) that other tools can use, and keep running until Ctrl-C. Other ecom commands run meanwhile reuse this server.")
final class DbCommand implements Callable<Integer> {

    @Option(names = {"--embedded-port", "--port"}, defaultValue = "" + DatabaseOptions.DEFAULT_EMBEDDED_PORT,
            description = "Port to listen on, on localhost (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedDatabase embedded = EcomHome.startEmbeddedDatabase(port);
        if (!embedded.ownsServer()) {
            System.out.println("already running: " + embedded.target());
            return 0;
        }
        Deployer.deploy(embedded.target());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            embedded.close();
            stopped.countDown();
        }));
        Path passwordFile = EmbeddedDatabase.passwordFile(EcomHome.dataFolder());
        System.out.println("JDBC URL: " + embedded.target() + " (password: in " + passwordFile + ")");
        System.out.println("psql:     PGPASSWORD=\"$(cat " + passwordFile + ")\" psql -h localhost -p " + embedded.port()
                + " -U postgres " + EmbeddedDatabase.DATABASE_NAME);
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
