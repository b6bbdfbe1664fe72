package org.ecom.ml.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ecom.ml.forecast.HoltWintersForm.Seasonality;
import org.ecom.ml.forecast.HoltWintersForm.Trend;
import org.junit.jupiter.api.Test;

class HoltWintersTest {

    /** A noise-free linear trend plus an additive season is the additive-trend form exactly: it must carry both on. */
    @Test
    void continuesAPlantedTrendAndSeason() {
        double[] values = new double[36];
        for (int t = 0; t < values.length; t++) {
            values[t] = PlantedSeries.expected(t);
        }
        double[] forecast = HoltWinters.fit(values, new HoltWintersForm(Trend.LINEAR, Seasonality.ADDITIVE)).forecast(3);
        for (int h = 0; h < 3; h++) {
            double truth = PlantedSeries.expected(36 + h);
            assertEquals(truth, forecast[h], 0.005 * truth, "month " + (36 + h));
        }
    }
}
