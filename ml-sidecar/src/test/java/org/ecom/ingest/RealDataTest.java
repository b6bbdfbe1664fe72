package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.ecom.db.BatchGovernance;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.GovernanceContractTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The whole file of the real Online Retail II data set, against figures computed independently of
 * this code. Runs when the file is at ../shared/data/ beside the project (or $ECOM_REAL_DATA).
 */
class RealDataTest {

    static Path realFile() {
        String configured = System.getenv("ECOM_REAL_DATA");
        Path file = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("ecom.project.root", ".."), "..", "shared", "data", "online_retail_II.csv.gz");
        if (!Files.isRegularFile(file)) {
            System.err.println("\n*** RealDataTest SKIPPED: the real data file is not at " + file.toAbsolutePath().normalize()
                    + " (set ECOM_REAL_DATA to its path) ***\n");
        }
        Assumptions.assumeTrue(Files.isRegularFile(file), "real data file absent: " + file);
        return file;
    }

    @Test
    void theRealFileGivesTheIndependentlyComputedFigures() throws Exception {
        Path file = realFile();
        DatabaseTarget target = ContractEngines.freshPostgres();

        BatchGovernance g = new Loader(target).load(file, rows -> { }).governance();

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
            assertEquals("779425", GovernanceContractTest.scalar(c, "SELECT COUNT(*) FROM sales.invoice_line"));
            assertEquals("17374804.268", GovernanceContractTest.scalar(c, "SELECT SUM(line_revenue) FROM sales.invoice_line"));
            assertEquals("5878", GovernanceContractTest.scalar(c, "SELECT COUNT(DISTINCT i.customer_id) FROM sales.invoice AS i"
                    + " WHERE NOT i.is_cancellation"));
            assertEquals(0, GovernanceContractTest.orphans(c));
        }
    }
}
