package org.ecom.ml.data;

/** One row of kpi.rfm: days since the last purchase, orders, and spend of a customer. */
public record CustomerRfm(int customerId, int recencyDays, int frequency, double monetary) {
}
