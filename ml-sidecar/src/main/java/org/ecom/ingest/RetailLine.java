package org.ecom.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A source row read as a sales line, typed but not judged: one row of staging.retail_line. */
public record RetailLine(long lineNumber, String invoice, String stockCode, String description, int quantity,
                         LocalDateTime invoiceDate, BigDecimal price, Integer customerId, String country) {
}
