package org.ecom.ml.recommend;

/**
 * Training settings of the BPR matrix factorisation.
 *
 * @param factors      embedding size of customers and products
 * @param epochs       passes over all (customer, bought product) pairs
 * @param batchSize    pairs per optimiser step
 * @param learningRate Adam's learning rate
 * @param l2           weight of the squared norm of the embeddings used in a step
 * @param maxPairsPerEpoch an epoch visits at most this many pairs, a fresh random subset each time:
 *                     all 400 thousand of the real data, a quarter at 10x (where a whole pass
 *                     made BPR take 160 s)
 */
public record FactorisationConfig(int factors, int epochs, int batchSize, float learningRate, float l2,
                                  int maxPairsPerEpoch) {

    public FactorisationConfig {
        if (factors < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0) || l2 < 0 || maxPairsPerEpoch < 1) {
            throw new IllegalArgumentException(
                    "factors, epochs, batchSize, learningRate and maxPairsPerEpoch must be positive, l2 not negative");
        }
    }

    public static FactorisationConfig defaults() {
        return new FactorisationConfig(48, 10, 8192, 0.02f, 1e-4f, 1_000_000);
    }
}
