package org.ecom.ml.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.ecom.ml.data.MonthRevenue;
import org.junit.jupiter.api.Test;

class WholeMonthsTest {

    private static MonthRevenue month(int index, boolean partial) {
        return new MonthRevenue(LocalDate.of(2010, 1, 1).plusMonths(index), 100 + index, partial);
    }

    @Test
    void setsAsidePartialMonthsAtEitherEnd() {
        WholeMonths whole = WholeMonths.of(List.of(month(0, true), month(1, false), month(2, false), month(3, true)));
        assertEquals(LocalDate.of(2010, 2, 1), whole.first());
        assertEquals(LocalDate.of(2010, 3, 1), whole.last());
        assertEquals(2, whole.revenue().length);
        assertEquals(2, whole.setAside().size());
    }

    @Test
    void refusesAPartialMonthInsideTheSeries() {
        assertThrows(IllegalArgumentException.class,
                () -> WholeMonths.of(List.of(month(0, false), month(1, true), month(2, false))));
    }

    @Test
    void refusesAGap() {
        assertThrows(IllegalArgumentException.class, () -> WholeMonths.of(List.of(month(0, false), month(2, false))));
    }
}
