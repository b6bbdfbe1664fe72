package org.ecom.cli;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.ecom.db.BatchGovernance;
import org.ecom.pipeline.AnomalyDetection;

/** The machine-readable summary of {@code ecom run --json}: field names in snake_case. */
record RunSummary(String input, long batchId, boolean alreadyLoaded, long rawRows, long rejectedRows,
                  long missingCustomerRows, long duplicateRows, long cancellationRows, long cancellationInvoices,
                  long adjustmentRows, long nonPositiveQuantityRows, long nonPositivePriceRows, long cleanRows,
                  BigDecimal cleanRevenue, long customers, long quantityAnomalies, long quantityAnomaliesByProduct,
                  long priceAnomalies, Map<String, Long> elapsedMs, @JsonIgnore Map<String, Object> modelHeadline) {

    static RunSummary of(Path input, long batchId, boolean alreadyLoaded, BatchGovernance g,
                         AnomalyDetection.Counts anomalies, Map<String, Long> elapsedMs, Map<String, Object> modelHeadline) {
        return new RunSummary(input.toString(), batchId, alreadyLoaded, g.rowsRead(), g.rowsRejected(),
                g.missingCustomerRows(), g.duplicateRows(), g.cancellationRows(), g.cancellationInvoices(),
                g.adjustmentRows(), g.nonPositiveQuantityRows(), g.nonPositivePriceRows(), g.cleanRows(),
                g.cleanRevenue().setScale(2, RoundingMode.HALF_UP), g.cleanCustomers(), anomalies.quantityZscore(),
                anomalies.quantityByProduct(), anomalies.priceByProduct(), elapsedMs, modelHeadline);
    }

    /** The sidecar models' headline figures (segments, repurchase_test_auc, ...), at the top level. */
    @JsonAnyGetter
    Map<String, Object> modelFigures() {
        return modelHeadline;
    }

    void writeTo(Path file) throws IOException {
        JsonFiles.writeAtomically(file, this);
    }
}
