package org.ecom.ml.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ecom.ml.data.MonthRevenue;

/** Monthly revenue with a known linear trend, a yearly season peaking in autumn and seeded normal noise. */
final class PlantedSeries {

    static final LocalDate START = LocalDate.of(2009, 1, 1);
    static final double NOISE_SD = 8_000;

    /** Seasonal effect by calendar month, January first: flat spring and summer, a September-November peak. */
    private static final double[] SEASON = {
        -60_000, -80_000, -40_000, -50_000, -30_000, -30_000, -40_000, -30_000, 80_000, 130_000, 180_000, 20_000};

    private PlantedSeries() {
    }

    /** The noise-free value of month t (0 = START). */
    static double expected(int t) {
        return 600_000 + 4_000 * t + SEASON[START.plusMonths(t).getMonthValue() - 1];
    }

    static double[] values(int months, long seed) {
        Random random = new Random(seed);
        double[] values = new double[months];
        for (int t = 0; t < months; t++) {
            values[t] = expected(t) + NOISE_SD * random.nextGaussian();
        }
        return values;
    }

    static List<MonthRevenue> months(int months, long seed) {
        double[] values = values(months, seed);
        List<MonthRevenue> list = new ArrayList<>();
        for (int t = 0; t < months; t++) {
            list.add(new MonthRevenue(START.plusMonths(t), values[t], false));
        }
        return list;
    }
}
