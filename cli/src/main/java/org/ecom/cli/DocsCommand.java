package org.ecom.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Deployer;
import org.ecom.db.Dialect;
import org.ecom.db.EmbeddedDatabase;
import org.ecom.db.SchemaDocs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the schema reference: per schema a Mermaid ER diagram (tables, keys, relationships) and a table of every view, function and procedure with its header comment, read from a deployed database's catalog. By default the changelog is deployed into a new scratch database on the embedded PostgreSQL (dropped afterwards), so the file describes exactly this changelog.",
        footer = {"", "After changing the changelog:", "  ./ecom docs --out docs/schema.md"})
final class DocsCommand implements Callable<Integer> {

    /** The scratch database on the embedded server. */
    static final String SCRATCH_DATABASE = "ecom_docs";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/schema.md",
            description = "The Markdown file to write (default: ${DEFAULT-VALUE}); replaced whole.")
    Path out;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Read this deployed PostgreSQL database as it is instead (jdbc:postgresql://...).")
    String jdbcUrl;

    @Option(names = "--embedded-port", paramLabel = "PORT", defaultValue = "" + DatabaseOptions.DEFAULT_EMBEDDED_PORT,
            description = "Port of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    int embeddedPort;

    @Override
    public Integer call() throws Exception {
        String markdown;
        if (jdbcUrl != null) {
            DatabaseTarget target = DatabaseOptions.targetOf(jdbcUrl);
            if (target.dialect() != Dialect.POSTGRESQL) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--db: the diagram reads a PostgreSQL catalog; give a jdbc:postgresql:// URL");
            }
            markdown = markdownOf(target);
        } else {
            Console.status("embedded PostgreSQL, data in " + EcomHome.path().resolve("pgdata") + ": deploying into scratch database "
                    + SCRATCH_DATABASE);
            try (EmbeddedDatabase embedded = EcomHome.startEmbeddedDatabase(embeddedPort)) {
                dropScratch(embedded);
                embedded.createDatabase(SCRATCH_DATABASE, null, false);
                try {
                    DatabaseTarget scratch = embedded.target(SCRATCH_DATABASE);
                    Deployer.deploy(scratch);
                    markdown = markdownOf(scratch);
                } finally {
                    dropScratch(embedded);
                }
            }
        }
        String text = markdown;
        AtomicFile.write(out, file -> Files.writeString(file, text, StandardCharsets.UTF_8));
        Console.status("schema reference written to " + out);
        return 0;
    }

    private static String markdownOf(DatabaseTarget target) throws Exception {
        try (Connection c = target.connect()) {
            return SchemaDocs.markdown(c);
        }
    }

    private static void dropScratch(EmbeddedDatabase embedded) throws Exception {
        try (Connection c = embedded.target("postgres").connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCRATCH_DATABASE + " WITH (FORCE)");
        }
    }
}
