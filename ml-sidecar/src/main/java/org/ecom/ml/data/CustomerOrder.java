package org.ecom.ml.data;

import java.time.LocalDateTime;

/**
 * One invoice of a known customer. For a sale, revenue is its clean revenue; for a cancellation,
 * revenue is the value cancelled, as a positive number. productCount is its distinct products.
 */
public record CustomerOrder(int customerId, String invoiceNo, LocalDateTime orderedAt, double revenue,
                            int productCount, boolean cancellation) {
}
