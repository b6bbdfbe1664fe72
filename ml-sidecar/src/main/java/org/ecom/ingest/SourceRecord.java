package org.ecom.ingest;

import java.util.List;

/**
 * One row of an input file before any judgement: its fields as text, where it was, and the text to
 * keep if it has to be rejected.
 *
 * @param lineNumber for CSV the physical line the record starts on (the header is line 1); for a
 *     workbook the running row number over all sheets, headers included
 * @param fields the cells in file order, as text (see {@link RecordSource} for the conventions)
 * @param rawText the row as it appeared, for staging.rejected_line
 */
public record SourceRecord(long lineNumber, List<String> fields, String rawText) {
}
