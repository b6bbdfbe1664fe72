package org.ecom.ml.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.ecom.ml.data.ProductPurchase;
import org.ecom.ml.recommend.HoldoutSplit.ValidationCase;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    private static final LocalDate LAST = LocalDate.of(2011, 12, 9);

    @Test
    void validationHoldsNewProductsOfCustomersWithHistory() {
        List<ProductPurchase> purchases = List.of(
                buy(1, "A", LAST.minusDays(100)),
                buy(1, "B", LAST.minusDays(30)),  // the day before the held-out 30 days: training
                buy(1, "A", LAST.minusDays(3)),   // bought before: not new
                buy(1, "C", LAST.minusDays(29)),  // first held-out day, known product: relevant
                buy(1, "Z", LAST),                // a product new to the shop: relevant, unreachable
                buy(2, "A", LAST.minusDays(50)),
                buy(2, "B", LAST.minusDays(1)),
                buy(2, "B", LAST),                // twice the same new product counts once
                buy(3, "C", LAST.minusDays(40)),
                buy(3, "C", LAST.minusDays(2)),   // only a re-purchase: no case
                buy(4, "A", LAST.minusDays(5)));  // no training history: no case

        HoldoutSplit split = HoldoutSplit.last(purchases, 30);

        assertEquals(LAST.minusDays(29), split.cutoff());
        PurchaseMatrix training = split.training();
        assertEquals(3, training.customers());
        assertEquals(3, training.products()); // A, B, C; Z only in the held-out days
        assertTrue(training.bought(training.customerIndex(1), training.productIndex("B")));
        assertFalse(training.bought(training.customerIndex(1), training.productIndex("C")));
        assertEquals(2, split.cases().size());
        ValidationCase first = split.cases().get(0);
        assertEquals(training.customerIndex(1), first.customer());
        assertArrayEquals(new int[] {training.productIndex("C")}, first.products());
        assertEquals(2, first.relevantCount());
        ValidationCase second = split.cases().get(1);
        assertEquals(training.customerIndex(2), second.customer());
        assertArrayEquals(new int[] {training.productIndex("B")}, second.products());
        assertEquals(1, second.relevantCount());
    }

    @Test
    void matrixKeepsTheLastDayOfEachPair() {
        PurchaseMatrix matrix = PurchaseMatrix.of(List.of(
                buy(7, "A", LAST.minusDays(9)), buy(7, "A", LAST.minusDays(2)), buy(7, "B", LAST.minusDays(5)),
                buy(8, "B", LAST)), p -> true);
        assertEquals(3, matrix.pairs());
        assertEquals(LAST.minusDays(2).toEpochDay(), matrix.lastDayAt(matrix.rowStart(0)));
        assertEquals(LAST.minusDays(5).toEpochDay(), matrix.lastDayAt(matrix.rowStart(0) + 1));
        assertEquals(LAST.toEpochDay(), matrix.lastDay());
        assertEquals(2, matrix.buyers(matrix.productIndex("B")));
    }

    @Test
    void theTuningWindowSeesNothingOfTheDaysAfterIt() {
        LocalDate cutoff = LAST.minusDays(59);
        List<ProductPurchase> purchases = List.of(
                buy(1, "A", cutoff.minusDays(10)),
                buy(1, "B", cutoff),                 // first tuning day: relevant
                buy(1, "C", cutoff.plusDays(30)),    // first test day: neither training nor relevant
                buy(2, "A", cutoff.minusDays(1)),
                buy(2, "C", LAST));                  // only in the test window: no case
        HoldoutSplit tuning = HoldoutSplit.of(purchases, cutoff, 30);
        assertEquals(1, tuning.training().products());
        assertEquals(1, tuning.cases().size());
        assertEquals(1, tuning.cases().get(0).relevantCount()); // B only, not C
        assertEquals(tuning.training().customerIndex(1), tuning.cases().get(0).customer());
    }

    private static ProductPurchase buy(int customer, String product, LocalDate day) {
        return new ProductPurchase(customer, product, day, 1);
    }
}
