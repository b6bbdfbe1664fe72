package org.ecom.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The two CSV parsers the project could use, side by side on one file in one JVM: FastCSV (what the
 * loader uses) and Apache Commons CSV (what the brief names). Each run decompresses the file and
 * reads every field of every record, as the loader does; runs alternate so both see the same
 * machine. Prints each parser's median and the ratio. Not a test:
 *
 * <pre>
 * source benchmarks/lib.sh
 * java -cp "$(bench_classpath csv-parsers)" org.ecom.bench.CsvParsers [--runs N] [FILE]
 * </pre>
 */
public final class CsvParsers {

    private CsvParsers() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 5;
        Path given = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                given = Path.of(args[i]);
            }
        }
        Path file = given != null ? given
                : Path.of(System.getProperty("ecom.project.root", "."), "..", "shared", "data", "online_retail_II.csv.gz");
        if (!Files.isRegularFile(file)) {
            System.err.println("csv-parsers: " + file + ": no such file");
            System.exit(1);
        }
        // One warm-up each: the JIT compiles both before anything is timed.
        long fastRecords = fastCsv(file);
        long commonsRecords = commonsCsv(file);
        if (fastRecords != commonsRecords) {
            throw new IllegalStateException("the parsers disagree: " + fastRecords + " vs " + commonsRecords + " records");
        }
        List<Long> fast = new ArrayList<>();
        List<Long> commons = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            fast.add(timed(() -> fastCsv(file)));
            commons.add(timed(() -> commonsCsv(file)));
        }
        long fastMedian = median(fast);
        long commonsMedian = median(commons);
        System.out.printf("%s: %,d records, %d runs each%n", file.getFileName(), fastRecords, runs);
        System.out.printf("FastCSV     median %5d ms  %s%n", fastMedian, fast);
        System.out.printf("Commons CSV median %5d ms  %s%n", commonsMedian, commons);
        System.out.printf("Commons CSV / FastCSV: %.2fx%n", (double) commonsMedian / fastMedian);
    }

    private interface Parse {
        long records() throws IOException;
    }

    private static long timed(Parse parse) throws IOException {
        long start = System.nanoTime();
        parse.records();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Touches every field, so neither parser can skip the work the loader needs. */
    private static long fastCsv(Path file) throws IOException {
        long records = 0;
        long chars = 0;
        try (Reader in = reader(file); CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
            for (CsvRecord record : csv) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    chars += record.getField(i).length();
                }
                records++;
            }
        }
        return chars < 0 ? -1 : records;
    }

    private static long commonsCsv(Path file) throws IOException {
        long records = 0;
        long chars = 0;
        try (Reader in = reader(file); CSVParser csv = CSVFormat.RFC4180.builder().get().parse(in)) {
            for (CSVRecord record : csv) {
                for (int i = 0; i < record.size(); i++) {
                    chars += record.get(i).length();
                }
                records++;
            }
        }
        return chars < 0 ? -1 : records;
    }

    private static Reader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
