package org.ecom.ingest;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Streams a CSV file (UTF-8, with or without BOM; RFC 4180 quoting) as {@link SourceRecord}s. */
public final class CsvRecordSource implements RecordSource {

    private final String fileName;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> header;

    /** Opens the stream and reads the header; an empty input is an {@link InputFormatException}. */
    public CsvRecordSource(String fileName, InputStream in) throws IOException {
        this.fileName = fileName;
        this.reader = CsvReader.builder()
                .detectBomHeader(true)
                .allowExtraFields(true) // a row with the wrong field count is rejected, not fatal
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
        this.records = reader.iterator();
        SourceRecord first = next();
        if (first == null) {
            close();
            throw new InputFormatException(fileName + ": the file is empty");
        }
        this.header = first.fields().stream().map(String::strip).toList();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRecord next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            return new SourceRecord(record.getStartingLineNumber(), record.getFields(), "");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new InputFormatException(fileName + ": unreadable CSV: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
