package org.ecom.ml.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecom.ml.data.CustomerRfm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerSegmentationTest {

    /** Planted personas: typical recency (days), orders and spend, spread log-normally around them. */
    private enum Planted {
        CHAMPIONS(5, 30, 15_000), NEW(10, 1.6, 300), AT_RISK(300, 12, 5_000), LOST(500, 1, 150);

        final double recency;
        final double frequency;
        final double monetary;

        Planted(double recency, double frequency, double monetary) {
            this.recency = recency;
            this.frequency = frequency;
            this.monetary = monetary;
        }
    }

    private static final int PER_PERSONA = 300;
    private static final SegmentationConfig CONFIG = SegmentationConfig.defaults(7);

    private static List<CustomerRfm> customers;
    private static int[] planted;
    private static SegmentationResult result;

    @BeforeAll
    static void plantAndFit() {
        Random random = new Random(2024);
        customers = new ArrayList<>();
        planted = new int[Planted.values().length * PER_PERSONA];
        int id = 1;
        for (Planted persona : Planted.values()) {
            for (int i = 0; i < PER_PERSONA; i++) {
                int recency = (int) Math.round(persona.recency * Math.exp(0.25 * random.nextGaussian()));
                int frequency = Math.max(1, (int) Math.round(persona.frequency * Math.exp(0.25 * random.nextGaussian())));
                double monetary = persona.monetary * Math.exp(0.25 * random.nextGaussian());
                planted[id - 1] = persona.ordinal();
                customers.add(new CustomerRfm(id++, recency, frequency, monetary));
            }
        }
        result = CustomerSegmentation.fit(customers, CONFIG);
    }

    @Test
    void silhouetteChoosesThePlantedNumberOfSegments() {
        assertEquals(4, result.segmentCount(), () -> "silhouette curve " + result.silhouetteByK());
        assertEquals(6, result.silhouetteByK().size());
        assertTrue(result.silhouette() > 0.6, "well-separated clusters give a high silhouette: " + result.silhouette());
    }

    @Test
    void recoversThePlantedClusters() {
        int[] found = result.assignments().stream().mapToInt(CustomerSegment::segmentId).toArray();
        double ari = AdjustedRand.index(planted, found);
        assertTrue(ari > 0.95, "adjusted Rand index " + ari);
    }

    @Test
    void namesThePlantedPersonas() {
        assertEquals("Active big spenders", majorityName(Planted.CHAMPIONS));
        assertEquals("Lapsed one-offs", majorityName(Planted.LOST));
        assertEquals("Lapsed regulars", majorityName(Planted.AT_RISK));
        assertEquals("Active newcomers", majorityName(Planted.NEW));
        assertEquals(1, result.assignments().get(0).segmentId(), "segment 1 has the highest spend: the champions");
    }

    @Test
    void wellSeparatedClustersAreTheSameWhateverTheSeed() {
        assertEquals(5, result.seedStability().size());
        assertTrue(result.seedStability().values().stream().allMatch(ari -> ari > 0.95), "ARI by seed " + result.seedStability());
        assertEquals(1.0, result.seedStability().get(result.config().seed()), 1e-12, "the run's own seed against itself");
    }

    @Test
    void sameSeedGivesTheSameSegmentsAndNames() {
        SegmentationResult again = CustomerSegmentation.fit(customers, CONFIG);
        assertEquals(result.assignments(), again.assignments());
        assertEquals(result.profiles(), again.profiles());
        assertEquals(result.metrics(), again.metrics());
    }

    @Test
    void profilesAddUp() {
        assertEquals(customers.size(), result.profiles().stream().mapToInt(SegmentProfile::customers).sum());
        assertEquals(1.0, result.profiles().stream().mapToDouble(SegmentProfile::revenueShare).sum(), 1e-9);
        SegmentProfile champions = result.profiles().get(0);
        assertEquals(15_000, champions.centroidMonetary(), 1_500, "centroid back in original units");
        assertEquals(5, champions.centroidRecencyDays(), 1.5);
        for (int s = 1; s < result.profiles().size(); s++) {
            assertTrue(result.profiles().get(s - 1).centroidMonetary() > result.profiles().get(s).centroidMonetary());
        }
        assertEquals(4, ((List<?>) result.metrics().get("segments")).size());
    }

    @Test
    void negativeSpendIsClampedNotNaN() {
        List<CustomerRfm> withRefund = new ArrayList<>(customers);
        withRefund.set(0, new CustomerRfm(1, 40, 2, -25.0));
        SegmentationResult clamped = CustomerSegmentation.fit(withRefund, new SegmentationConfig(7, 3, 5, 100, 1, 10_000));
        assertEquals(1, clamped.clampedCustomers());
        assertFalse(Double.isNaN(clamped.silhouette()));
    }

    private static String majorityName(Planted persona) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < planted.length; i++) {
            if (planted[i] == persona.ordinal()) {
                counts.merge(result.assignments().get(i).segmentName(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
