package org.ecom.ml.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatesTest {

    /** Twelve months, then eighteen each 10 % above the same month a year before. */
    private static double[] growing() {
        double[] values = new double[30];
        for (int t = 0; t < values.length; t++) {
            values[t] = t < 12 ? 100 + 10 * t : 1.1 * values[t - 12];
        }
        return values;
    }

    @Test
    void seasonalNaiveRepeatsTheSameMonthLastYear() {
        double[] values = growing();
        assertArrayEquals(new double[] {values[18], values[19], values[20]}, new SeasonalNaive().forecast(values, 3));
    }

    @Test
    void driftMultipliesByTheYearOverYearGrowth() {
        double[] values = growing();
        double[] forecast = new DriftSeasonalNaive().forecast(values, 3);
        for (int h = 0; h < 3; h++) {
            assertEquals(1.1 * values[18 + h], forecast[h], 1e-9);
        }
        // With a single month that has a year before it, that month's growth is the growth.
        double[] short13 = Arrays.copyOf(values, 13);
        assertEquals(1.1 * values[1], new DriftSeasonalNaive().forecast(short13, 1)[0], 1e-9);
    }

    @Test
    void meanOfAveragesItsParts() {
        double[] values = growing();
        MeanOf mean = new MeanOf(List.of(new SeasonalNaive(), new DriftSeasonalNaive()));
        assertEquals(1.05 * values[18], mean.forecast(values, 1)[0], 1e-9);
        assertEquals("mean(seasonal naive, seasonal naive x year-over-year growth)", mean.name());
        assertEquals(13, mean.minHistory());
    }

    @Test
    void theStandardSetStartsWithSeasonalNaiveAndNamesEachCandidateOnce() {
        List<Candidate> candidates = Candidate.standard();
        assertEquals(new SeasonalNaive(), candidates.get(0));
        assertEquals(15, candidates.size());
        assertEquals(15, candidates.stream().map(Candidate::name).distinct().count());
    }
}
