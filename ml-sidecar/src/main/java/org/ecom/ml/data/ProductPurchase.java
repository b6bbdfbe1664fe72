package org.ecom.ml.data;

import java.time.LocalDate;

/** The clean quantity of one product a customer bought on one day (implicit feedback); products only, not postage or fees. */
public record ProductPurchase(int customerId, String stockCode, LocalDate purchasedOn, int quantity) {
}
