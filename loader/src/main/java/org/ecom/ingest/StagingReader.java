package org.ecom.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.ecom.db.Dialect;

/**
 * Reads a staged batch back as it was loaded, the counterpart of {@link StagingWriter}:
 * {@code ./ecom sync} streams a batch from one server into another's writer. PostgreSQL COPY out or
 * a forward-only result set on SQL Server, never the whole batch in memory. Only the raw columns
 * are read, by name, so a derived column added to the staging tables does not travel.
 */
public interface StagingReader {

    /**
     * The batch's lines as the writer pulls them. The connection serves nothing else until the
     * iterator is exhausted or closed.
     */
    Lines lines(long batchId) throws SQLException;

    /** The batch's rejected rows, with their line numbers and reasons (few: read whole). */
    List<RejectedLine> rejections(long batchId) throws SQLException;

    /** Lines streamed from the source; closing ends the stream early. */
    interface Lines extends Iterator<RetailLine>, AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    static StagingReader forDialect(Dialect dialect, Connection connection) throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCopyReader(connection);
            case MSSQL -> new SqlServerStagingReader(connection);
        };
    }
}
