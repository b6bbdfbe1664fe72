package org.ecom.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecom.db.Deployer;
import org.ecom.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load Online Retail files into staging, govern and clean them into the sales model and refresh the summaries, then detect anomalies over all clean lines. Reads CSV (Online Retail II or UCI Online Retail header, UTF-8 with or without BOM), .csv.gz and the original .xlsx workbooks (every sheet). Each file loads in one transaction: a bad file or an interruption leaves the database as it was; a file loaded before adds nothing. On the embedded database the schema is deployed first; on --db it must already be.")
final class LoadCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    InputOptions input;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to load, in order.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        InputOptions.requireFiles(files);
        try (DatabaseOptions.Opened db = database.open()) {
            if (db.isEmbedded()) {
                Deployer.deploy(db.target());
            }
            PipelineReport report = new PipelineReport(System.out);
            Pipeline pipeline = new Pipeline(db.target(), input.encoding);
            Interruption.cancelWith(pipeline::cancel);
            report.printAnomalies(pipeline.run(files, report).anomalies());
        }
        return 0;
    }
}
