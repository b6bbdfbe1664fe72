package org.ecom.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.ecom.db.EmbeddedDatabase;
import org.ecom.sync.ModelCopy;
import org.ecom.sync.WarehouseChecksums;
import org.ecom.sync.WarehouseSync;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Bring a second warehouse up to a first one, in any direction (PostgreSQL or SQL Server / Azure SQL on either side): deploy the schema on the target if needed, copy the raw batches it lacks (by file SHA-256: the staged lines with their line numbers, the rejected rows with their reasons), then govern, clean and summarise each there and detect anomalies, so the target's own procedures rebuild its sales model and summaries.",
            "Streams with COPY (PostgreSQL) and bulk copy (SQL Server), one transaction per batch: an interrupted sync leaves the target at its last whole batch, and running it again goes on from there. Credentials go in the URLs."},
        footer = {"", "Examples:",
            "  ./ecom sync --from embedded --to 'jdbc:sqlserver://srv.database.windows.net;databaseName=ecom;authentication=ActiveDirectoryDefault' --verify",
            "  ./ecom sync --from 'jdbc:sqlserver://...' --to embedded:ecom_copy --dry-run"})
final class SyncCommand implements Callable<Integer> {

    static final String EMBEDDED = "embedded";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "URL",
            description = "The warehouse to copy from: a JDBC URL, '" + EMBEDDED + "' for the embedded PostgreSQL, or '" + EMBEDDED + ":NAME' for another database of the embedded server (created if missing).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "The warehouse to bring up to it: a JDBC URL, '" + EMBEDDED + "' or '" + EMBEDDED + ":NAME'.")
    String to;

    @Option(names = "--embedded-port", paramLabel = "PORT", defaultValue = "" + DatabaseOptions.DEFAULT_EMBEDDED_PORT,
            description = "Port of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
    int embeddedPort;

    @Option(names = "--dry-run", description = "List what would be deployed and copied, and change nothing (with --verify: compare the two as they are).")
    boolean dryRun;

    @Option(names = "--verify", description = "Afterwards, compare the row count and checksum of every sales, mart, kpi and analysis table and view on both sides, one line each; exit 1 if one differs. Surrogate keys (identity columns such as country_id) are left out; the analysis functions with parameters are not compared (they read the mart tables, which are).")
    boolean verify;

    @Option(names = "--with-models", description = "Also copy the current model runs (ml.model_run and their rows), so reports show the same scores before the target's next sidecar pass.")
    boolean withModels;

    @Override
    public Integer call() throws Exception {
        if (from.equals(to)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to name the same database");
        }
        try (DatabaseOptions.Opened source = open(from); DatabaseOptions.Opened target = open(to)) {
            if (source.target().jdbcUrl().equals(target.target().jdbcUrl())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--from and --to name the same database");
            }
            WarehouseSync sync = new WarehouseSync(source.target(), target.target());
            if (dryRun) {
                printPlan(sync.plan());
                if (withModels) {
                    printModels(new ModelCopy(source.target(), target.target()).plan(), "would copy");
                }
                return verify ? verify(source, target) : 0;
            }
            Console.status("syncing " + source.target() + " -> " + target.target());
            Report report = new Report();
            WarehouseSync.Result result = sync.run(report);
            // Detection was the last stage: its "still working" lines end with it, not with the process.
            report.stages.closeProgress();
            result.deployNotes().forEach(Console::status);
            System.out.printf("%d batch(es) copied; anomalies on the target: %s quantity, %s price%n", result.copied().size(),
                    Console.count(result.anomalies().quantityZscore()), Console.count(result.anomalies().priceByProduct()));
            if (withModels) {
                printModels(new ModelCopy(source.target(), target.target()).run(), "copied");
            }
            return verify ? verify(source, target) : 0;
        }
    }

    /** A JDBC URL, the embedded database, or embedded:NAME, another database of the embedded server (created if missing). */
    private DatabaseOptions.Opened open(String url) {
        if (url.regionMatches(true, 0, EMBEDDED + ":", 0, EMBEDDED.length() + 1)) {
            String name = url.substring(EMBEDDED.length() + 1);
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "'" + url + "': a database name of lower-case letters, digits and _ after " + EMBEDDED + ":");
            }
            EmbeddedDatabase embedded = EcomHome.startEmbeddedDatabase(embeddedPort);
            embedded.createDatabaseIfMissing(name);
            return new DatabaseOptions.Opened(embedded.target(name), embedded);
        }
        DatabaseOptions options = new DatabaseOptions();
        options.jdbcUrl = url.equalsIgnoreCase(EMBEDDED) ? null : url;
        options.embeddedPort = embeddedPort;
        return options.open();
    }

    private static void printPlan(WarehouseSync.Plan plan) {
        if (!plan.targetDeployed()) {
            System.out.println("would deploy the schema on the target");
        }
        System.out.printf("would copy %d of the source's %d batch(es):%n", plan.missing().size(), plan.batchesOnSource());
        for (WarehouseSync.Batch b : plan.missing()) {
            System.out.printf("  batch %d  %s  %s lines, %s rejected  sha256 %s%n", b.batchId(), b.fileName(),
                    Console.count(b.rowsLoaded()), Console.count(b.rowsRejected()), b.fileSha256());
        }
    }

    private static void printModels(List<ModelCopy.Run> runs, String verb) {
        System.out.printf("%s %d model run(s)%s%n", verb, runs.size(), runs.isEmpty() ? " (the target has them, or the source has none)" : ":");
        for (ModelCopy.Run run : runs) {
            System.out.printf("  %s run %d (as of %s): %s rows%n", run.modelKind(), run.runId(), run.asOfDate(),
                    Console.count(run.rows()));
        }
    }

    /** One line per object; a difference fails the command, naming the objects. */
    private static int verify(DatabaseOptions.Opened source, DatabaseOptions.Opened target) throws Exception {
        Console.status("verifying: row counts and checksums of " + String.join(", ", WarehouseChecksums.SCHEMAS)
                + " (surrogate keys left out, each server numbers its own)");
        List<WarehouseChecksums.Comparison> comparisons = WarehouseChecksums.compare(source.target(), target.target());
        comparisons.forEach(c -> System.out.println(c.line()));
        List<String> differing = comparisons.stream().filter(c -> !c.equal()).map(WarehouseChecksums.Comparison::object).toList();
        System.out.flush();
        if (!differing.isEmpty()) {
            throw new IllegalStateException(differing.size() + " of " + comparisons.size() + " objects differ: "
                    + String.join(", ", differing));
        }
        System.out.printf("all %d objects equal%n", comparisons.size());
        return 0;
    }

    /** Progress, stages and waits on stderr as a load shows them; a line per batch on stdout. */
    private static final class Report implements WarehouseSync.Listener {
        private final PipelineReport stages = new PipelineReport(System.out);

        @Override
        public LongConsumer linesCopied(WarehouseSync.Batch batch) {
            return stages.progress("copying batch " + batch.batchId() + " (" + batch.fileName() + ")");
        }

        @Override
        public void stageStarted(String stage) {
            stages.stageStarted(stage);
        }

        @Override
        public void waiting(String message) {
            stages.waiting(message);
        }

        @Override
        public void batchDone(WarehouseSync.Copied copied) {
            stages.closeProgress();
            WarehouseSync.Batch b = copied.batch();
            System.out.printf(Locale.UK, "batch %d %s: %s lines copied as batch %d, %s clean, in %.1f s%n", b.batchId(),
                    b.fileName(), Console.count(b.rowsLoaded()), copied.targetBatchId(),
                    Console.count(copied.governance().cleanRows()), copied.millis() / 1e3);
        }
    }
}
