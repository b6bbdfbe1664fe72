package org.ecom.ml.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecom.ml.data.MonthRevenue;
import org.junit.jupiter.api.Test;

class RevenueForecastingTest {

    private static final ForecastConfig CONFIG = ForecastConfig.defaults();

    @Test
    void forecastsAPlantedSeasonalSeriesBetterThanSeasonalNaive() {
        ForecastResult result = RevenueForecasting.run(PlantedSeries.months(36, 5), CONFIG);

        assertTrue(result.mape() < 3, "backtest MAPE " + result.mape());
        // A year's trend (48,000) is what same-month-last-year misses; the model should not.
        assertTrue(result.mape() < result.seasonalNaiveMape() / 2,
                result.mape() + " % against seasonal naive " + result.seasonalNaiveMape() + " %");
        assertEquals(3, result.forecast().size());
        for (int h = 0; h < 3; h++) {
            ForecastMonth month = result.forecast().get(h);
            double truth = PlantedSeries.expected(36 + h);
            assertEquals(PlantedSeries.START.plusMonths(36 + h), month.monthStart());
            assertEquals(truth, month.forecast(), 0.04 * truth, "month " + month.monthStart());
            assertTrue(month.lo95() < truth && truth < month.hi95(), "interval " + month);
            assertTrue(month.lo95() < month.forecast() && month.forecast() < month.hi95());
        }
    }

    @Test
    void aPartialLastMonthIsSetAsideAndForecastAsAWholeMonth() {
        List<MonthRevenue> months = new ArrayList<>(PlantedSeries.months(30, 5));
        LocalDate partialMonth = PlantedSeries.START.plusMonths(30);
        months.add(new MonthRevenue(partialMonth, 150_000, true));
        ForecastResult result = RevenueForecasting.run(months, CONFIG);

        months.set(30, new MonthRevenue(partialMonth, 450_000, true));
        ForecastResult otherPartial = RevenueForecasting.run(months, CONFIG);

        assertEquals(result.forecast(), otherPartial.forecast());
        assertEquals(result.mape(), otherPartial.mape());
        assertEquals(partialMonth, result.forecast().get(0).monthStart());
        assertEquals(30, result.metrics().get("training_months"));
        assertEquals(List.of(Map.of("month_start", partialMonth.toString(), "revenue", 450_000.0)),
                otherPartial.metrics().get("partial_months_set_aside"));
    }

    @Test
    void sameSeedSameForecast() {
        List<MonthRevenue> months = PlantedSeries.months(28, 9);
        assertEquals(RevenueForecasting.run(months, CONFIG).metrics(), RevenueForecasting.run(months, CONFIG).metrics());
    }

    @Test
    void refusesTooFewMonthsForABacktest() {
        assertThrows(IllegalArgumentException.class, () -> RevenueForecasting.run(PlantedSeries.months(13, 1), CONFIG));
    }
}
