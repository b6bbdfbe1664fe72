package org.ecom.ml.repurchase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ecom.ml.data.CustomerOrder;
import org.junit.jupiter.api.Test;

/** The stored model scores as the sidecar did, and reading refuses what is not one. */
class ScorerArtefactTest {

    @Test
    void aStoredScorerGivesEachCustomerExactlyTheWrittenProbability() {
        List<CustomerOrder> orders = GeneratedOrders.withRegulars(400, 13);
        LocalDate asOf = LocalDate.of(2023, 11, 1);
        RepurchaseResult result = RepurchaseModeling.run(orders, asOf,
                new RepurchaseConfig(90, List.of(90), 2, 30, 5, 2), new CampaignEconomics(5, 12.5));

        byte[] bytes = ScorerArtefact.write(result.scorer());
        RepurchaseScorer loaded = ScorerArtefact.read(bytes, ScorerArtefact.sha256(bytes));

        assertEquals(result.scorer().featureNames(), loaded.featureNames());
        assertEquals(loaded.featureNames().size(), loaded.typicalValues().length);
        Map<Integer, double[]> features = RepurchaseModeling.features(orders, asOf, 90, loaded.featureNames());
        assertEquals(result.scores().size(), features.size());
        for (RepurchaseScore score : result.scores()) {
            assertEquals(score.probability(), loaded.probability(features.get(score.customerId())), 0.0,
                    "customer " + score.customerId());
        }
        double typical = loaded.probability(loaded.typicalValues());
        assertTrue(typical >= 0 && typical <= 1, "a probability: " + typical);
        assertThrows(IllegalArgumentException.class, () -> loaded.probability(new double[1]));
    }

    @Test
    void readingRefusesAnotherClassAChangedBlobAndNoise() throws IOException {
        ByteArrayOutputStream foreign = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(foreign)) {
            out.writeObject(new File("/etc/passwd"));
        }
        byte[] file = foreign.toByteArray();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ScorerArtefact.read(file, ScorerArtefact.sha256(file)));
        assertTrue(refused.getMessage().contains("filter"), refused.getMessage());

        byte[] noise = {1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> ScorerArtefact.read(noise, ScorerArtefact.sha256(noise)));
        assertThrows(IllegalArgumentException.class, () -> ScorerArtefact.read(noise, ScorerArtefact.sha256(new byte[0])));
    }
}
