package org.ecom.ingest;

import java.sql.SQLException;
import java.util.NoSuchElementException;

/** Lines a {@link StagingReader} pulls from the source one at a time; {@link #pull} says null at the end. */
abstract class PulledLines implements StagingReader.Lines {

    private final long batchId;
    private RetailLine next;
    private boolean finished;

    PulledLines(long batchId) {
        this.batchId = batchId;
    }

    /** The next line from the source, or null when there is none. */
    abstract RetailLine pull() throws SQLException;

    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = pull();
            } catch (SQLException e) {
                throw new IllegalStateException("reading batch " + batchId + ": " + e.getMessage(), e);
            }
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public final RetailLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RetailLine line = next;
        next = null;
        return line;
    }
}
