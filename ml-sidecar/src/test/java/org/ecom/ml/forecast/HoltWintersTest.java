package org.ecom.ml.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ecom.ml.forecast.HoltWintersForm.Seasonality;
import org.ecom.ml.forecast.HoltWintersForm.Trend;
import org.junit.jupiter.api.Test;

class HoltWintersTest {

    @Test
    void intervalsCoverAbout95PercentOfFreshNoise() {
        HoltWintersForm form = new HoltWintersForm(Trend.DAMPED, Seasonality.ADDITIVE);
        int series = 150;
        int covered = 0;
        int forecasts = 0;
        for (int s = 0; s < series; s++) {
            double[] values = PlantedSeries.values(36, 1_000 + s);
            HoltWinters model = HoltWinters.fit(Arrays.copyOf(values, 33), form);
            HoltWinters.Forecast[] next = model.forecast(3, 2_000, s);
            for (int h = 0; h < 3; h++) {
                covered += next[h].covers(values[33 + h]) ? 1 : 0;
                forecasts++;
            }
        }
        double coverage = covered / (double) forecasts;
        assertTrue(coverage > 0.89 && coverage < 0.99, "coverage " + coverage);
    }

    @Test
    void residualSdEstimatesThePlantedNoise() {
        double[] values = PlantedSeries.values(36, 3);
        HoltWinters model = HoltWinters.fit(values, new HoltWintersForm(Trend.LINEAR, Seasonality.ADDITIVE));
        assertEquals(PlantedSeries.NOISE_SD, model.sigma(), 0.5 * PlantedSeries.NOISE_SD);
    }

    @Test
    void boxSearchFindsInteriorAndBoundaryMinima() {
        BoxSearch.Box box = new BoxSearch.Box(new double[] {0, 0}, new double[] {1, 1});
        double[] interior = BoxSearch.minimise(x -> Math.pow(x[0] - 0.37, 2) + Math.pow(x[1] - 0.81, 2), box);
        assertEquals(0.37, interior[0], 1e-4);
        assertEquals(0.81, interior[1], 1e-4);
        double[] boundary = BoxSearch.minimise(x -> Math.pow(x[0] + 2, 2) + Math.pow(x[1] - 0.5, 2), box);
        assertEquals(0, boundary[0], 1e-9);
        assertEquals(0.5, boundary[1], 1e-4);
    }
}
