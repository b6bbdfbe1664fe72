package org.ecom.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongConsumer;

/**
 * The lines of a source, parsed on the fly as the staging writer pulls them. Rejected records are
 * set aside (they are written after the lines) and every record read is counted, so that
 * rows read = lines + rejections holds by construction.
 */
final class ParsedLines implements Iterator<RetailLine> {

    private static final int PROGRESS_EVERY = 50_000;

    private final RecordSource source;
    private final LineParser parser;
    private final LongConsumer progress;
    private final List<RejectedLine> rejections = new ArrayList<>();
    private long rowsRead;
    private RetailLine next;
    private boolean finished;

    ParsedLines(RecordSource source, LineParser parser, LongConsumer progress) {
        this.source = source;
        this.parser = parser;
        this.progress = progress;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            SourceRecord record;
            try {
                record = source.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (record == null) {
                finished = true;
                progress.accept(rowsRead);
                return false;
            }
            if (++rowsRead % PROGRESS_EVERY == 0) {
                progress.accept(rowsRead);
            }
            LineParser.Result result = parser.parse(record);
            if (result.line() != null) {
                next = result.line();
            } else {
                rejections.add(result.rejection());
            }
        }
        return next != null;
    }

    @Override
    public RetailLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RetailLine line = next;
        next = null;
        return line;
    }

    long rowsRead() {
        return rowsRead;
    }

    List<RejectedLine> rejections() {
        return rejections;
    }
}
