package org.ecom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ecom.db.Deployer;
import org.ecom.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load Online Retail files into staging, govern and clean them into the sales model and refresh the summaries, then detect anomalies in what the files added (the scores of the products they touched). Reads CSV (Online Retail II or UCI Online Retail header, UTF-8 with or without BOM), .csv.gz and the original .xlsx workbooks (every sheet). Each file loads in one transaction: a bad file or an interruption leaves the database as it was; a file loaded before (same SHA-256) is skipped and adds nothing. A folder stands for its files in name order (a file a day: name them by date), each reported on one line; each file's summaries are refreshed only for the months, customers, products and countries it touched. On the embedded database the schema is deployed first; on --db it must already be.")
final class LoadCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    InputOptions input;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "Files to load, in order; a folder: every file in it (hidden ones aside), in name order.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        List<Path> files = files();
        InputOptions.requireFiles(files);
        try (DatabaseOptions.Opened db = database.open()) {
            if (db.isEmbedded()) {
                Deployer.deploy(db.target());
            }
            PipelineReport report = new PipelineReport(System.out, inputs.stream().anyMatch(Files::isDirectory));
            DemoData.refuseToMix(db.target(), files);
            Pipeline pipeline = new Pipeline(db.target(), input.encoding);
            Interruption.cancelWith(pipeline::cancel);
            report.printAnomalies(pipeline.run(files, report).anomalies());
        }
        return 0;
    }

    /** The inputs with each folder replaced by its files in name order; an empty folder is a usage error. */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : inputs) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> children = Files.list(path)) {
                List<Path> inFolder = children
                        .filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .toList();
                if (inFolder.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), path + ": no file to load in this folder");
                }
                files.addAll(inFolder);
            }
        }
        return files;
    }
}
