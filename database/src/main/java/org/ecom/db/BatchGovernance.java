package org.ecom.db;

import java.math.BigDecimal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** One row of quality.batch_governance: what became of a loaded file's rows. */
public record BatchGovernance(long batchId, long rowsRead, long rowsRejected, long rowsLoaded,
                              long missingCustomerRows, long duplicateRows, long cancellationRows,
                              long cancellationInvoices, long adjustmentRows, long nonPositiveQuantityRows,
                              long nonPositivePriceRows, long cleanRows, BigDecimal cleanRevenue,
                              long cleanCustomers) {

    /** The batch's record; columns map to the components by name (rows_read to rowsRead). */
    public static BatchGovernance read(Handle handle, long batchId) {
        return handle.createQuery("SELECT * FROM quality.batch_governance WHERE batch_id = :batchId")
                .bind("batchId", batchId)
                .map(ConstructorMapper.of(BatchGovernance.class))
                .findOne()
                .orElseThrow(() -> new IllegalStateException("batch " + batchId + " has no governance record"));
    }
}
