package org.ecom.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.StringWriter;
import java.util.List;

/**
 * One row of an input file before any judgement: its fields as text, and where it was.
 *
 * @param lineNumber for CSV the physical line the record starts on (the header is line 1); for a
 *     workbook the running row number over all sheets, headers included
 * @param fields the cells in file order, as text (see {@link RecordSource} for the conventions)
 * @param location what to put before the text of a rejected row to say where it was: empty for
 *     CSV, whose line number says it all; {@code Sheet!row: } for a workbook
 */
public record SourceRecord(long lineNumber, List<String> fields, String location) {

    /** The row as it appeared, for staging.rejected_line; built only for rows that are rejected. */
    public String rawText() {
        StringWriter line = new StringWriter();
        CsvWriter.builder().bufferSize(0).lineDelimiter(LineDelimiter.LF).build(line).writeRecord(fields);
        return location + line.getBuffer().substring(0, line.getBuffer().length() - 1); // without the line break
    }
}
