package org.ecom.ml.data;

/** A customer as of a day, as kpi.rfm defines it: days since the last purchase, orders, and spend. */
public record CustomerRfm(int customerId, int recencyDays, int frequency, double monetary) {
}
