package org.ecom.ml.repurchase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The features with the largest contributions (either sign) of each row, strongest first. */
final class Reasons {

    static final int PER_CUSTOMER = 3;

    private Reasons() {
    }

    static List<RepurchaseReason> top(int[] customerIds, TreeContributions contributions) {
        List<RepurchaseReason> reasons = new ArrayList<>(customerIds.length * PER_CUSTOMER);
        for (int i = 0; i < customerIds.length; i++) {
            double[] row = contributions.contributions()[i];
            int[] strongest = IntStream.range(0, row.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(j -> -Math.abs(row[j])).thenComparingInt(j -> j))
                    .limit(PER_CUSTOMER).mapToInt(Integer::intValue).toArray();
            for (int rank = 0; rank < strongest.length; rank++) {
                reasons.add(new RepurchaseReason(customerIds[i], rank + 1,
                        contributions.features().get(strongest[rank]), row[strongest[rank]]));
            }
        }
        return reasons;
    }
}
