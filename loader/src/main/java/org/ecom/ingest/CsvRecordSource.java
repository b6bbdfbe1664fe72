package org.ecom.ingest;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a CSV file (strict UTF-8 with or without BOM, or Windows-1252 when asked; RFC 4180
 * quoting) as {@link SourceRecord}s.
 */
public final class CsvRecordSource implements RecordSource {

    private final Path file;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> header;

    /** Opens the stream and reads the header; an empty input is an {@link InputFormatException}. */
    public CsvRecordSource(Path file, InputStream in, InputEncoding encoding) throws IOException {
        this.file = file;
        this.reader = CsvReader.builder()
                .detectBomHeader(true)
                .allowExtraFields(true) // a row with the wrong field count is rejected, not fatal
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(encoding == InputEncoding.UTF_8 ? new StrictUtf8Input(file, in) : in, encoding.charset());
        this.records = reader.iterator();
        SourceRecord first = next();
        if (first == null) {
            close();
            throw new InputFormatException(file + ": the file is empty");
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
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InputFormatException first) {
                    throw first; // the bytes under the CSV were bad (not UTF-8, a cut gzip): that is the cause
                }
            }
            throw new InputFormatException(file + ": unreadable CSV: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
