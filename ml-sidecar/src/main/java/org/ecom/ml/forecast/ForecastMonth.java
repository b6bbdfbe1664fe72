package org.ecom.ml.forecast;

import java.time.LocalDate;

/** The forecast revenue of a month and its 95 % prediction interval. */
public record ForecastMonth(LocalDate monthStart, double forecast, double lo95, double hi95) {
}
