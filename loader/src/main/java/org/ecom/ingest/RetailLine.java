package org.ecom.ingest;

import java.time.LocalDateTime;

/**
 * A source row read as a sales line, typed but not judged: one row of staging.retail_line.
 *
 * @param priceThousandths the price in thousandths (the column is numeric(12,3))
 */
public record RetailLine(long lineNumber, String invoice, String stockCode, String description, int quantity,
                         LocalDateTime invoiceDate, long priceThousandths, Integer customerId, String country) {
}
