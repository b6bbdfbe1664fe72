package org.ecom.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecom.db.Deployer;
import org.ecom.ml.ModelKind;
import org.ecom.ml.sidecar.CronSchedule;
import org.ecom.ml.sidecar.ModelOutcome;
import org.ecom.ml.sidecar.Sidecar;
import org.ecom.ml.sidecar.SidecarBusyException;
import org.ecom.ml.sidecar.SidecarJobs;
import org.ecom.ml.sidecar.SidecarReport;
import org.ecom.ml.sidecar.SidecarSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sidecar", mixinStandardHelpOptions = true,
        description = {"Train the models on the database's sales and write their results back (schema ml): customer segments, "
                + "repurchase probabilities, product recommendations and a revenue forecast.",
            "Each model's run is recorded in ml.model_run; readers see a run's rows (ml.current_* views) only once all of "
                + "them are written, and a failed run leaves the previous ones in place. One sidecar per database at a time. "
                + "On SIGTERM (or Ctrl-C) a write in progress finishes, a model in training is not written, and the command exits."},
        footer = {"", "Examples:", "  ./ecom sidecar --once", "  ./ecom sidecar --schedule \"0 3 * * *\"     every day at 03:00",
            "  ./ecom sidecar --once --models forecast,segments --db jdbc:sqlserver://..."})
final class SidecarCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    static final class When {
        @Option(names = "--once", description = "Run every model once, then exit (the default).")
        boolean once;

        @Option(names = "--schedule", paramLabel = "CRON",
                description = "Keep running and start a pass at each time of this five-field cron expression "
                        + "(minute hour day-of-month month day-of-week, local time), e.g. \"0 3 * * *\".")
        String cron;
    }

    @ArgGroup(exclusive = true)
    When when = new When();

    @Option(names = "--models", paramLabel = "LIST", split = ",", converter = ModelKindConverter.class,
            description = "Models to run, comma-separated (default: all): forecast, segments, repurchase, recommendations.")
    List<ModelKind> models = Arrays.asList(ModelKind.values());

    @Option(names = "--keep-runs", paramLabel = "N", defaultValue = "10",
            description = "Runs of each model to keep in ml.model_run, the current one always included (default: ${DEFAULT-VALUE}).")
    int keepRuns;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "How long to wait for another sidecar on the same database to finish (default: ${DEFAULT-VALUE}: exit at once).")
    long lockWaitSeconds;

    @Mixin
    ModelOptions model;

    @Option(names = "--json", paramLabel = "OUT",
            description = "Also write what each pass did (run ids, timings, headline figures, errors) as JSON to OUT.")
    Path json;

    static final class ModelKindConverter implements picocli.CommandLine.ITypeConverter<ModelKind> {
        public ModelKind convert(String value) {
            return ModelKind.ofStoredName(value.trim());
        }
    }

    @Override
    public Integer call() throws Exception {
        CronSchedule schedule = when.cron == null ? null : CronSchedule.parse(when.cron);
        SidecarSettings settings = new SidecarSettings(models, keepRuns, Duration.ofSeconds(lockWaitSeconds), 5,
                Duration.ofSeconds(1), model.asOfDay());
        try (DatabaseOptions.Opened db = database.open()) {
            if (db.isEmbedded()) {
                Deployer.deploy(db.target());
            }
            Sidecar sidecar = new Sidecar(db.target(), settings, SidecarJobs.standard(model.seed, EcomHome.path().resolve("djl")), Console::status);
            Thread stopper = new Thread(() -> {
                sidecar.requestStop();
                try {
                    if (!sidecar.awaitIdle(Duration.ofMinutes(2))) {
                        System.err.println("ecom: the sidecar did not stop within 2 minutes; its open transaction rolls back");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sidecar-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            return schedule == null ? exitCode(runPass(sidecar, json)) : runScheduled(sidecar, schedule, json);
        }
    }

    /** Runs one pass and prints what each model did (and writes it to {@code json} unless null). */
    static SidecarReport runPass(Sidecar sidecar, Path json) throws Exception {
        SidecarReport report = sidecar.runOnce();
        if (json != null) {
            JsonFiles.writeAtomically(json, report);
        }
        for (ModelOutcome model : report.models()) {
            System.out.printf("  %-16s %-9s run %-6d %7d ms  %s%n", model.kind().storedName(),
                    model.succeeded() ? "written" : "FAILED", model.runId(), model.elapsedMillis(),
                    model.succeeded() ? model.headline() : model.error());
        }
        if (report.stopped()) {
            Console.status("stopped on request");
        }
        return report;
    }

    private static int exitCode(SidecarReport report) {
        return report.allSucceeded() ? 0 : 1;
    }

    /** Passes at each cron time until stopped; a busy lock or a failed pass is reported and waited out. */
    private static int runScheduled(Sidecar sidecar, CronSchedule schedule, Path json) throws Exception {
        while (!sidecar.stopRequested()) {
            ZonedDateTime next = schedule.next(ZonedDateTime.now());
            Console.status("next sidecar pass at " + next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " (" + schedule + ")");
            while (ZonedDateTime.now().isBefore(next)) {
                if (sidecar.stopRequested()) {
                    return 0;
                }
                Thread.sleep(Math.min(1000, Math.max(1, Duration.between(ZonedDateTime.now(), next).toMillis())));
            }
            try {
                runPass(sidecar, json);
            } catch (SidecarBusyException e) {
                Console.status(e.getMessage());
            }
        }
        return 0;
    }
}
