package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.EmbeddedDatabase;
import org.ecom.db.Rows;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 17, case 3: demo and real data never share a database; ./ecom reset starts over. */
@DatabaseTest
class DemoAndResetTest {

    @TempDir
    Path dir;

    private String previousHome;
    private String err;

    @BeforeEach
    void ownHome() {
        previousHome = System.getProperty("ecom.home");
        System.setProperty("ecom.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("ecom.home");
        } else {
            System.setProperty("ecom.home", previousHome);
        }
    }

    private int execute(String... args) {
        StringWriter buffer = new StringWriter();
        CommandLine cli = EcomCommand.commandLine();
        cli.setErr(new PrintWriter(buffer, true));
        int exit = cli.execute(args);
        err = buffer.toString();
        return exit;
    }

    @Test
    void realDataIsRefusedOnTopOfDemoDataAndTheOtherWayRound() throws Exception {
        Path real = dir.resolve("online_retail_II.csv");
        new RetailDataGenerator(new GeneratorSettings(2_000, 3)).write(real);

        String demoDb = ContractEngines.freshPostgres().jdbcUrl();
        assertEquals(0, execute("run", "--demo", "--demo-rows", "2000", "--skip-sidecar", "--db", demoDb), err);
        assertEquals(1, execute("run", "--input", real.toString(), "--skip-sidecar", "--db", demoDb), err);
        assertTrue(err.contains("holds generated demo data (online_retail_demo_2000_seed42.csv.gz): online_retail_II.csv"
                + " would mix real figures into it. Start again with ./ecom reset"), err);
        assertEquals(1, execute("load", "--db", demoDb, real.toString()), err);

        String realDb = ContractEngines.freshPostgres().jdbcUrl();
        assertEquals(0, execute("load", "--db", realDb, real.toString()), err);
        assertEquals(1, execute("run", "--demo", "--demo-rows", "2000", "--skip-sidecar", "--db", realDb), err);
        assertTrue(err.contains("holds real data (online_retail_II.csv): online_retail_demo_2000_seed42.csv.gz would mix demo"
                + " figures into it"), err);
        try (Connection c = org.ecom.db.DatabaseTarget.of(realDb).connect()) {
            assertEquals("1", Rows.scalar(c, "SELECT COUNT(*) FROM staging.load_batch"), "nothing was added");
        }
    }

    @Test
    void resetDropsTheEmbeddedDatabaseAndDeploysItAgain() throws Exception {
        Path real = dir.resolve("online_retail_II.csv");
        new RetailDataGenerator(new GeneratorSettings(2_000, 3)).write(real);
        String port = Integer.toString(EcomProcess.freePort());

        assertEquals(0, execute("load", "--embedded-port", port, real.toString()), err);
        assertEquals(2, execute("reset", "--embedded-port", port), err);
        assertTrue(err.contains("pass --yes to confirm"), err);
        assertEquals(2, execute("reset", "--yes", "--db", ContractEngines.freshPostgres().jdbcUrl()), err);
        assertTrue(err.contains("reset drops the embedded database only"), err);

        assertEquals(0, execute("reset", "--yes", "--embedded-port", port), err);

        Path home = dir.resolve("home");
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(home.resolve("pgdata"), home.resolve("pg-runtime"),
                Integer.parseInt(port)); Connection c = embedded.target().connect()) {
            assertEquals("0", Rows.scalar(c, "SELECT COUNT(*) FROM staging.load_batch"));
            assertEquals("0", Rows.scalar(c, "SELECT COUNT(*) FROM sales.invoice_line"));
        }
        assertEquals(0, execute("load", "--embedded-port", port, real.toString()), "the file loads again: " + err);
    }
}
