package org.ecom.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import org.ecom.db.BatchGovernance;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Rows;
import org.ecom.db.quality.GovernanceContractTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole file of the real Online Retail II data set, against figures computed independently of
 * this code (see {@link RealData} for where the file is looked for).
 */
@Tag("real-data")
class RealDataTest {

    @Test
    void theRealFileGivesTheIndependentlyComputedFigures() throws Exception {
        BatchGovernance g = RealData.load().governance();
        DatabaseTarget target = RealData.database();

        assertEquals(1_067_371, g.rowsRead());
        assertEquals(0, g.rowsRejected());
        assertEquals(243_007, g.missingCustomerRows());
        assertEquals(34_335, g.duplicateRows());
        assertEquals(19_494, g.cancellationRows());
        assertEquals(8_292, g.cancellationInvoices());
        assertEquals(779_425, g.cleanRows());
        assertEquals(new BigDecimal("17374804.27"), g.cleanRevenue().setScale(2, RoundingMode.HALF_UP));
        assertEquals(5_878, g.cleanCustomers());
        try (Connection c = target.connect()) {
            assertEquals("779425", Rows.scalar(c, "SELECT COUNT(*) FROM sales.invoice_line"));
            assertEquals("17374804.268", Rows.scalar(c, "SELECT SUM(line_revenue) FROM sales.invoice_line"));
            assertEquals("5878", Rows.scalar(c, "SELECT COUNT(DISTINCT i.customer_id) FROM sales.invoice AS i"
                    + " WHERE NOT i.is_cancellation"));
            assertEquals(0, GovernanceContractTest.orphans(c));
        }
    }
}
