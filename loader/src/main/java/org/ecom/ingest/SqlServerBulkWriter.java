package org.ecom.ingest;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes staging rows with SQL Server's bulk copy (TDS bulk load), streaming from the parser, in the
 * caller's transaction (no internal transaction, so a failed load leaves nothing behind).
 */
final class SqlServerBulkWriter implements StagingWriter {

    private final Connection connection;

    SqlServerBulkWriter(Connection connection) {
        this.connection = connection;
    }

    @Override
    public long writeLines(long batchId, Iterator<RetailLine> lines) throws SQLException {
        CountingIterator<RetailLine> counted = new CountingIterator<>(lines);
        copy("staging.retail_line", new RowStream<>(counted, List.of(
                new Column<>("batch_id", Types.BIGINT, 19, 0, l -> batchId),
                new Column<>("line_number", Types.INTEGER, 10, 0, l -> (int) l.lineNumber()),
                new Column<>("invoice", Types.VARCHAR, LineParser.MAX_CODE, 0, RetailLine::invoice),
                new Column<>("stock_code", Types.VARCHAR, LineParser.MAX_CODE, 0, RetailLine::stockCode),
                new Column<>("description", Types.NVARCHAR, LineParser.MAX_DESCRIPTION, 0, RetailLine::description),
                new Column<>("quantity", Types.INTEGER, 10, 0, RetailLine::quantity),
                new Column<>("invoice_date", Types.TIMESTAMP, 19, 0, l -> Timestamp.valueOf(l.invoiceDate())),
                new Column<>("price", Types.DECIMAL, 12, 3, l -> BigDecimal.valueOf(l.priceThousandths(), 3)),
                new Column<>("customer_id", Types.INTEGER, 10, 0, RetailLine::customerId),
                new Column<>("country", Types.NVARCHAR, LineParser.MAX_COUNTRY, 0, RetailLine::country))));
        return counted.count;
    }

    @Override
    public void writeRejections(long batchId, List<RejectedLine> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        copy("staging.rejected_line", new RowStream<>(rejections.iterator(), List.of(
                new Column<>("batch_id", Types.BIGINT, 19, 0, r -> batchId),
                new Column<>("line_number", Types.INTEGER, 10, 0, r -> (int) r.lineNumber()),
                new Column<>("raw_text", Types.NVARCHAR, Integer.MAX_VALUE, 0, RejectedLine::rawText),
                new Column<>("reason", Types.NVARCHAR, 400, 0, RejectedLine::reason))));
    }

    private void copy(String table, RowStream<?> rows) throws SQLException {
        try (SQLServerBulkCopy bulk = new SQLServerBulkCopy(connection)) {
            SQLServerBulkCopyOptions options = new SQLServerBulkCopyOptions();
            options.setBulkCopyTimeout(0);
            options.setBatchSize(0); // one batch: the surrounding transaction decides
            options.setTableLock(true);
            options.setKeepNulls(true);
            options.setCheckConstraints(true);
            options.setUseInternalTransaction(false);
            bulk.setBulkCopyOptions(options);
            bulk.setDestinationTableName(table);
            for (int i = 0; i < rows.columns.size(); i++) {
                bulk.addColumnMapping(i + 1, rows.columns.get(i).name);
            }
            bulk.writeToServer(rows);
            rows.throwFailure();
        }
    }

    private record Column<T>(String name, int jdbcType, int precision, int scale, Function<T, Object> value) {
    }

    /** Adapts an iterator of records to the driver's pull-based bulk data source. */
    private static final class RowStream<T> implements ISQLServerBulkData {
        private static final long serialVersionUID = 1L;
        private final transient Iterator<T> rows;
        private final transient List<Column<T>> columns;
        private transient T current;
        /** An error reading the source: thrown once the driver has ended the stream, not inside it. */
        private transient RuntimeException failure;

        RowStream(Iterator<T> rows, List<Column<T>> columns) {
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        public Set<Integer> getColumnOrdinals() {
            Set<Integer> ordinals = new LinkedHashSet<>();
            for (int i = 1; i <= columns.size(); i++) {
                ordinals.add(i);
            }
            return ordinals;
        }

        @Override
        public String getColumnName(int column) {
            return columns.get(column - 1).name;
        }

        @Override
        public int getColumnType(int column) {
            return columns.get(column - 1).jdbcType;
        }

        @Override
        public int getPrecision(int column) {
            return columns.get(column - 1).precision;
        }

        @Override
        public int getScale(int column) {
            return columns.get(column - 1).scale;
        }

        @Override
        public Object[] getRowData() {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).value.apply(current);
            }
            return values;
        }

        /**
         * Thrown inside the driver, a reading error (a truncated file) would cut the bulk load stream
         * short and surface as the server's protocol error ("the incoming tabular data stream ... is
         * incorrect") instead of itself: the stream ends here, and {@link #copy} throws it.
         */
        @Override
        public boolean next() {
            try {
                if (!rows.hasNext()) {
                    return false;
                }
                current = rows.next();
                return true;
            } catch (RuntimeException e) {
                failure = e;
                return false;
            }
        }

        void throwFailure() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static final class CountingIterator<T> implements Iterator<T> {
        private final Iterator<T> inner;
        private long count;

        CountingIterator(Iterator<T> inner) {
            this.inner = inner;
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public T next() {
            count++;
            return inner.next();
        }
    }
}
