package org.ecom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Generated demo input for {@code ecom run --demo}, made once per size and reused. */
final class DemoData {

    static final long SEED = 42;

    private DemoData() {
    }

    static Path ensure(Path folder, long rows, Map<String, Long> elapsed) {
        Path file = folder.resolve("online_retail_demo_" + rows + "_seed" + SEED + ".csv.gz");
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
}
