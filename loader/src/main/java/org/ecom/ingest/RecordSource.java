package org.ecom.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads the rows of one input file (CSV, gzip-compressed CSV or an XLSX workbook) as text fields,
 * streaming: never the whole file in memory.
 *
 * <p>Conventions every implementation follows, so that the parser sees one shape whatever the
 * format: an empty cell is the empty string; a date cell is written {@code yyyy-MM-dd HH:mm:ss};
 * a number cell is written in plain decimal notation without a trailing {@code .0} for whole
 * numbers (13085.0 becomes {@code 13085}, 2.55 stays {@code 2.55}); text is left as it is.
 */
public interface RecordSource extends Closeable {

    /** The header row's fields, read when the source was opened. */
    List<String> header();

    /** The next data row, or null at the end of the input. */
    SourceRecord next() throws IOException;
}
