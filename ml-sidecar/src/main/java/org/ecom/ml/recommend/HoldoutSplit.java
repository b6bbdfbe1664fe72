package org.ecom.ml.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecom.ml.data.ProductPurchase;

/**
 * A time-based split: training holds the purchases before the cutoff; a case is a customer with
 * training history who bought, in the {@code holdoutDays} from the cutoff,
 * products they had not bought in training. Products first sold in those days stay in the
 * relevant set although no model can recommend them (they only count as misses).
 */
record HoldoutSplit(LocalDate cutoff, PurchaseMatrix training, List<ValidationCase> cases) {

    /**
     * @param customer        the customer's index in the training matrix
     * @param products        the newly bought products that are in the training catalogue, ascending
     * @param relevantCount   all newly bought products, including those unknown in training
     */
    record ValidationCase(int customer, int[] products, int relevantCount) {
    }

    /** The last {@code holdoutDays} days of the purchases held out. */
    static HoldoutSplit last(Collection<ProductPurchase> purchases, int holdoutDays) {
        LocalDate last = purchases.stream().map(ProductPurchase::purchasedOn).max(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("no purchases"));
        return of(purchases, last.minusDays(holdoutDays - 1L), holdoutDays);
    }

    /** Training before {@code cutoff}, held out the {@code holdoutDays} from it; later purchases are left out. */
    static HoldoutSplit of(Collection<ProductPurchase> purchases, LocalDate cutoff, int holdoutDays) {
        LocalDate end = cutoff.plusDays(holdoutDays);
        PurchaseMatrix training = PurchaseMatrix.of(purchases, p -> p.purchasedOn().isBefore(cutoff));

        Map<Integer, Set<String>> newProducts = new HashMap<>();
        for (ProductPurchase p : purchases) {
            if (p.purchasedOn().isBefore(cutoff) || !p.purchasedOn().isBefore(end)) {
                continue;
            }
            int customer = training.customerIndex(p.customerId());
            if (customer < 0) {
                continue;
            }
            int product = training.productIndex(p.stockCode());
            if (product < 0 || !training.bought(customer, product)) {
                newProducts.computeIfAbsent(customer, c -> new HashSet<>()).add(p.stockCode());
            }
        }
        List<ValidationCase> cases = new ArrayList<>();
        newProducts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int[] known = e.getValue().stream().mapToInt(training::productIndex).filter(i -> i >= 0).sorted().toArray();
            cases.add(new ValidationCase(e.getKey(), known, e.getValue().size()));
        });
        return new HoldoutSplit(cutoff, training, cases);
    }
}
