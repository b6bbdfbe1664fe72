package org.ecom.ml.data;

import java.time.LocalDate;

/**
 * The clean revenue of a calendar month. partial: the data does not cover the whole month (the
 * real data stops on 9 December 2011), so its revenue is not comparable with whole months.
 */
public record MonthRevenue(LocalDate monthStart, double revenue, boolean partial) {
}
