package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, cases 6 and 7: odd bytes and odd paths say what is wrong, where, first. */
class InputErrorTest {

    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";
    private static final String LINE = "489434,85048,LIGHT,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n";

    @TempDir
    Path dir;

    @Test
    void aTruncatedGzipSaysSoWithItsSizeNotACsvProblem() throws IOException {
        byte[] gzipped = gzip(HEADER + LINE.repeat(200_000));
        Path file = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(gzipped, gzipped.length / 2));
        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(file, InputEncoding.UTF_8));
        assertEquals(file + ": truncated gzip stream after " + String.format(java.util.Locale.UK, "%,d", gzipped.length / 2)
                + " bytes (the file ends before its gzip data does)", e.getMessage());
    }

    @Test
    void aDirectoryIsNamed() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> SourceFormat.detect(dir));
        assertEquals(dir + ": is a directory, not a file", e.getMessage());
    }

    @Test
    void latin1BytesAreRefusedAtTheirLineAndOffset() throws IOException {
        byte[] latin1 = (HEADER + LINE + "489435,22350,CAF\u00c9 CR\u00c8ME,4,2009-12-01 08:00:00,2.10,13085.0,France\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.csv"), latin1);
        InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(file, InputEncoding.UTF_8));
        int offset = (HEADER + LINE + "489435,22350,CAF").length();
        assertEquals(file + ": line 3, byte offset " + offset + ": byte 0xC9 is not valid UTF-8; if the file is"
                + " Windows-1252 or Latin-1, load it with --encoding cp1252", e.getMessage());

        assertEquals("CAF\u00c9 CR\u00c8ME", readAll(file, InputEncoding.CP1252).get(2).fields().get(2));
    }

    @Test
    void utf8WithBomAndEveryPlaneIsRead() throws IOException {
        String description = "CAF\u00c9 \u20ac \ud83c\udf84";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(bom);
        bytes.write((HEADER + "489435,22350," + description + ",4,2009-12-01 08:00:00,2.10,13085.0,France\n")
                .getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("bom.csv"), bytes.toByteArray());
        List<SourceRecord> records = readAll(file, InputEncoding.UTF_8);
        assertEquals("Invoice", records.get(0).fields().get(0));
        assertEquals(description, records.get(1).fields().get(2));
    }

    @Test
    void overlongAndSurrogateFormsAreNotUtf8() throws IOException {
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(HEADER.getBytes(StandardCharsets.US_ASCII));
            bytes.write(bad);
            Path file = Files.write(dir.resolve("bad.csv"), bytes.toByteArray());
            InputFormatException e = assertThrows(InputFormatException.class, () -> readAll(file, InputEncoding.UTF_8));
            assertEquals(true, e.getMessage().startsWith(file + ": line 2, byte offset "), e.getMessage());
        }
    }

    private static List<SourceRecord> readAll(Path file, InputEncoding encoding) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordSource source = SourceFormat.detect(file).open(file, encoding)) {
            records.add(new SourceRecord(1, source.header(), ""));
            for (SourceRecord record; (record = source.next()) != null; ) {
                records.add(record);
            }
        }
        return records;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
