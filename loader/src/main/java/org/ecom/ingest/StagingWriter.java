package org.ecom.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.ecom.db.Dialect;

/**
 * Bulk-writes a batch's rows into staging.retail_line and staging.rejected_line, inside the
 * caller's transaction: PostgreSQL COPY or SQL Server bulk copy, never row-at-a-time inserts.
 */
public interface StagingWriter {

    /** Streams every line into staging.retail_line; returns how many were written. */
    long writeLines(long batchId, Iterator<RetailLine> lines) throws SQLException;

    void writeRejections(long batchId, List<RejectedLine> rejections) throws SQLException;

    static StagingWriter forDialect(Dialect dialect, Connection connection) throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCopyWriter(connection);
            case MSSQL -> new SqlServerBulkWriter(connection);
        };
    }
}
