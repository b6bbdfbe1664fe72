package org.ecom.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format, determinism, compression and progress of the generator (the shape: see GeneratedShapeTest). */
class RetailDataGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws IOException {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        Path other = dir.resolve("c.csv");
        new RetailDataGenerator(new GeneratorSettings(20_000, 7)).write(first);
        new RetailDataGenerator(new GeneratorSettings(20_000, 7)).write(second);
        new RetailDataGenerator(new GeneratorSettings(20_000, 8)).write(other);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(other)));
    }

    @Test
    void oneGeneratorWritesTheSameFileTwice() throws IOException {
        RetailDataGenerator generator = new RetailDataGenerator(new GeneratorSettings(5_000, 3));
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        generator.write(first);
        generator.write(second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void gzipNameGivesGzipWithTheSameContent() throws IOException {
        Path plain = dir.resolve("retail.csv");
        Path gzip = dir.resolve("retail.csv.gz");
        new RetailDataGenerator(new GeneratorSettings(10_000, 5)).write(plain);
        new RetailDataGenerator(new GeneratorSettings(10_000, 5)).write(gzip);
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(plain), unzipped);
        assertTrue(Files.size(gzip) < Files.size(plain) / 3);
    }

    @Test
    void headerLineEndsAndExactRowCount() throws IOException {
        for (long rows : new long[] {0, 1, 2, 3, 17, 12_345}) {
            Path file = dir.resolve("rows-" + rows + ".csv");
            new RetailDataGenerator(new GeneratorSettings(rows, 11)).write(file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith(RetailDataGenerator.HEADER_TEXT + "\n"), "header");
            assertFalse(text.contains("\r"), "LF line ends only");
            assertTrue(text.endsWith("\n"));
            List<CsvRecord> records = new ArrayList<>();
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
                reader.forEach(records::add);
            }
            assertEquals(rows + 1, records.size(), "rows for " + rows);
            records.forEach(r -> assertEquals(8, r.getFieldCount()));
        }
    }

    @Test
    void progressIsReportedEveryHundredThousandRowsAndAtTheEnd() throws IOException {
        List<Long> heard = new ArrayList<>();
        new RetailDataGenerator(new GeneratorSettings(250_000, 1)).write(dir.resolve("p.csv"), heard::add);
        assertEquals(List.of(100_000L, 200_000L, 250_000L), heard);
    }

    @Test
    void negativeRowsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(-1, 1));
    }

    @Test
    void pricesAndCustomerIdsLookLikeTheRealCsv() {
        assertEquals("2.55", Formats.price(255));
        assertEquals("2.1", Formats.price(210));
        assertEquals("3.0", Formats.price(300));
        assertEquals("0.05", Formats.price(5));
        assertEquals("0.0", Formats.price(0));
        assertEquals("-11062.06", Formats.price(-1_106_206));
        assertEquals("13085.0", Formats.customerId(13085));
    }
}
