package org.ecom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecom.db.DatabaseTarget;
import picocli.CommandLine;

/** Generated demo input for {@code ecom run --demo}, made once per size and reused. */
final class DemoData {

    static final long SEED = 42;
    /** What every generated demo file's name starts with: how a batch of demo data is known. */
    private static final String NAME_PREFIX = "online_retail_demo_";

    private DemoData() {
    }

    static Path ensure(Path folder, long rows, Map<String, Long> elapsed) {
        Path file = folder.resolve(NAME_PREFIX + rows + "_seed" + SEED + ".csv.gz");
        if (!Files.isRegularFile(file)) {
            Console.status("using generated demo data: " + Console.count(rows) + " rows into " + file);
            long start = System.nanoTime();
            int exit = new CommandLine(new GenerateCommand())
                    .execute("--rows", Long.toString(rows), "--seed", Long.toString(SEED), "--out", file.toString());
            if (exit != 0) {
                throw new IllegalStateException("could not generate the demo data (see above)");
            }
            elapsed.put("generate", (System.nanoTime() - start) / 1_000_000);
        }
        return file;
    }

    /**
     * Generated and real data never share a database: their figures would add up (the 22.4M
     * of revenue instead of 17.37M). Refuses to load files of one kind into a database that holds
     * batches of the other, saying how to start again.
     */
    static void refuseToMix(DatabaseTarget target, List<Path> files) {
        List<String> loaded = target.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT file_name FROM staging.load_batch ORDER BY batch_id").mapTo(String.class).list());
        for (Path file : files) {
            boolean demo = isDemo(file.getFileName().toString());
            loaded.stream().filter(name -> isDemo(name) != demo).findFirst().ifPresent(other -> {
                throw new IllegalStateException(target + " holds " + (demo ? "real data (" + other + ")" : "generated demo data ("
                        + other + ")") + ": " + file.getFileName() + " would mix " + (demo ? "demo" : "real")
                        + " figures into it. Start again with ./ecom reset (the embedded database), or load into another"
                        + " database with --db");
            });
        }
    }

    private static boolean isDemo(String fileName) {
        return fileName.startsWith(NAME_PREFIX);
    }
}
