package org.ecom.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecom.db.Deployer;
import org.ecom.ml.sidecar.Sidecar;
import org.ecom.ml.sidecar.SidecarJobs;
import org.ecom.ml.sidecar.SidecarReport;
import org.ecom.ml.sidecar.SidecarSettings;
import org.ecom.pipeline.AnomalyDetection;
import org.ecom.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline: deploy the schema, load a file, govern and clean it, refresh the summaries, detect anomalies, then train the sidecar's models and write their results back. Without --input, generated demo data is used (see --demo), so it works on a fresh clone.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Online Retail file to load (.csv, .csv.gz or .xlsx).")
    Path input;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--demo", description = "Use generated data (the default when --input is not given).")
    boolean demo;

    @Option(names = "--demo-rows", paramLabel = "N", defaultValue = "200000",
            description = "Rows of generated demo data (default: ${DEFAULT-VALUE}).")
    long demoRows;

    @Option(names = "--skip-sidecar", description = "Stop after anomaly detection: do not train the models.")
    boolean skipSidecar;

    @Mixin
    ModelOptions model;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write a JSON summary of the run to OUT.")
    Path json;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Map<String, Long> elapsed = new LinkedHashMap<>();
        if (input != null && demo) {
            throw new IllegalArgumentException("give either --input or --demo, not both");
        }
        Path file = input != null ? input : DemoData.ensure(EcomHome.path().resolve("demo"), demoRows, elapsed);
        InputOptions.requireFiles(List.of(file));
        try (DatabaseOptions.Opened db = database.open()) {
            long deployStart = System.nanoTime();
            Deployer.deploy(db.target()).forEach(Console::status);
            elapsed.put("deploy", (System.nanoTime() - deployStart) / 1_000_000);

            PipelineReport report = new PipelineReport(System.out);
            DemoData.refuseToMix(db.target(), List.of(file));
            Pipeline pipeline = new Pipeline(db.target(), inputOptions.encoding);
            Interruption.cancelWith(pipeline::cancel);
            Pipeline.Result loaded = pipeline.run(List.of(file), report);
            Pipeline.FileResult result = loaded.files().get(0);
            elapsed.putAll(result.stageMillis());
            elapsed.put("detect", loaded.detectMillis());
            AnomalyDetection.Counts anomalies = loaded.anomalies();
            report.printAnomalies(anomalies);

            SidecarReport models = null;
            if (!skipSidecar) {
                long sidecarStart = System.nanoTime();
                Sidecar sidecar = new Sidecar(db.target(), SidecarSettings.defaults().withAsOf(model.asOfDay()),
                        SidecarJobs.standard(model.seed, EcomHome.path().resolve("djl")), Console::status);
                Interruption.cancelWith(() -> {
                    sidecar.requestStop(); // the model in training is not written, its run marked failed
                    return false;
                });
                models = SidecarCommand.runPass(sidecar, null);
                elapsed.put("sidecar", (System.nanoTime() - sidecarStart) / 1_000_000);
            }

            elapsed.put("total", (System.nanoTime() - start) / 1_000_000);
            if (json != null) {
                RunSummary.of(file, result.batchId(), result.alreadyLoaded(), result.governance(), anomalies, elapsed,
                        models == null ? Map.of() : models.headline()).writeTo(json);
                Console.status("summary written to " + json);
            }
            return models == null || models.allSucceeded() ? 0 : 1;
        }
    }
}
