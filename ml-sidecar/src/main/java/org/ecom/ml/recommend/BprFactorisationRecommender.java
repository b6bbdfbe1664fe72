package org.ecom.ml.recommend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Matrix factorisation trained with the BPR loss (Rendle et al. 2009) in DJL on PyTorch (CPU):
 * for a customer u, a product i they bought and a product j drawn uniformly among those they did
 * not buy, it minimises w · softplus(-(x_ui - x_uj)) with x_ui = e_u · e_i + b_i, plus an L2
 * penalty on the embeddings in the batch; w is the recency weight of the customer's last purchase
 * of i. Adam updates the raw embedding tables.
 *
 * <p>Determinism: the initial factors, the order of the pairs and the negatives come from Java
 * generators seeded by the config; the engine is seeded too. PyTorch's CPU kernels used here
 * (gather, matrix products, the embedding gradient) run on one intra-op thread, which fixes the
 * order of the sums; the tests check that two runs give the same recommendations.
 */
final class BprFactorisationRecommender implements Recommender {

    private static final String ENGINE = "PyTorch";
    private static final float INITIAL_SCALE = 0.1f;
    private static final int NEGATIVE_TRIES = 20;

    private final FactorisationConfig config;
    private final long seed;
    private final Path djlCacheDir;
    private final Consumer<String> progress;
    private final RecencyWeight recency;

    BprFactorisationRecommender(FactorisationConfig config, RecencyWeight recency, long seed, Path djlCacheDir,
                                Consumer<String> progress) {
        this.config = config;
        this.recency = recency;
        this.seed = seed;
        this.djlCacheDir = djlCacheDir;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "bpr_factorisation";
    }

    @Override
    public Scorer fit(PurchaseMatrix purchases) {
        DjlOffline.configure(djlCacheDir);
        Engine engine = Engine.getEngine(ENGINE);
        engine.setRandomSeed((int) seed);
        // One intra-op thread: the batches are small, so threads gain little and, on shared cores,
        // lose much at their barriers; it also fixes the order of the floating-point sums.
        JniUtils.setNumThreads(1);
        NDManager manager = engine.newBaseManager(Device.cpu());
        try {
            Random initial = new Random(seed);
            NDArray customers = manager.create(gaussian(initial, purchases.customers() * config.factors()),
                    new Shape(purchases.customers(), config.factors()));
            NDArray products = manager.create(gaussian(initial, purchases.products() * config.factors()),
                    new Shape(purchases.products(), config.factors()));
            NDArray bias = manager.zeros(new Shape(purchases.products(), 1));
            train(engine, manager, purchases, new NDArray[] {customers, products, bias});
            return new FactorScorer(manager, customers, products, bias);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private void train(Engine engine, NDManager manager, PurchaseMatrix purchases, NDArray[] parameters) {
        String[] names = {"customers", "products", "bias"};
        for (NDArray parameter : parameters) {
            parameter.setRequiresGradient(true);
        }
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build();
        int pairs = purchases.pairs();
        int[] pairCustomer = new int[pairs];
        for (int c = 0; c < purchases.customers(); c++) {
            for (int k = purchases.rowStart(c); k < purchases.rowEnd(c); k++) {
                pairCustomer[k] = c;
            }
        }
        int[] order = new int[pairs];
        for (int k = 0; k < pairs; k++) {
            order[k] = k;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(order, random);
            int visited = Math.min(pairs, config.maxPairsPerEpoch());
            double lossSum = 0;
            int steps = 0;
            for (int start = 0; start < visited; start += config.batchSize()) {
                int n = Math.min(config.batchSize(), visited - start);
                long[] u = new long[n];
                long[] i = new long[n];
                long[] j = new long[n];
                float[] w = new float[n];
                for (int b = 0; b < n; b++) {
                    int pair = order[start + b];
                    u[b] = pairCustomer[pair];
                    i[b] = purchases.productAt(pair);
                    j[b] = negative(purchases, pairCustomer[pair], random);
                    w[b] = recency.weight(purchases.lastDay() - purchases.lastDayAt(pair));
                }
                lossSum += step(engine, manager, parameters, names, adam, u, i, j, w);
                steps++;
            }
            progress.accept(String.format("  bpr epoch %d/%d: loss %.4f", epoch, config.epochs(), lossSum / steps));
        }
        for (NDArray parameter : parameters) {
            parameter.setRequiresGradient(false);
        }
    }

    /** One Adam step on a batch of (customer, bought, not bought) triples; returns the BPR loss. */
    private float step(Engine engine, NDManager manager, NDArray[] parameters, String[] names, Optimizer adam,
                       long[] u, long[] i, long[] j, float[] w) {
        // Arrays made from the batch live in this sub-manager and are freed with it.
        try (NDManager batch = manager.newSubManager()) {
            NDArray customerIds = batch.create(u);
            NDArray boughtIds = batch.create(i);
            NDArray notBoughtIds = batch.create(j);
            NDArray weights = batch.create(w);
            float loss;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray customer = embed(customerIds, parameters[0]);
                NDArray bought = embed(boughtIds, parameters[1]);
                NDArray notBought = embed(notBoughtIds, parameters[1]);
                NDArray biasGap = embed(boughtIds, parameters[2]).sub(embed(notBoughtIds, parameters[2]));
                NDArray margin = customer.mul(bought.sub(notBought)).sum(new int[] {1}).add(biasGap.squeeze(1));
                NDArray bpr = Activation.softPlus(margin.neg()).mul(weights).mean();
                NDArray penalty = customer.square().sum().add(bought.square().sum()).add(notBought.square().sum())
                        .mul(config.l2() / u.length);
                collector.backward(bpr.add(penalty));
                loss = bpr.getFloat();
            }
            for (int p = 0; p < parameters.length; p++) {
                try (NDArray gradient = parameters[p].getGradient()) {
                    adam.update(names[p], parameters[p], gradient);
                    gradient.subi(gradient);
                }
            }
            return loss;
        }
    }

    private static NDArray embed(NDArray indices, NDArray table) {
        return Embedding.embedding(indices, table, SparseFormat.DENSE).singletonOrThrow();
    }

    private static int negative(PurchaseMatrix purchases, int customer, SplittableRandom random) {
        int product = random.nextInt(purchases.products());
        for (int t = 1; t < NEGATIVE_TRIES && purchases.bought(customer, product); t++) {
            product = random.nextInt(purchases.products());
        }
        return product;
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int k = values.length - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int swap = values[k];
            values[k] = values[other];
            values[other] = swap;
        }
    }

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int k = 0; k < size; k++) {
            values[k] = (float) random.nextGaussian() * INITIAL_SCALE;
        }
        return values;
    }

    /** Scores a block of customers with one matrix product: e_u · e_p + b_p for every product p. */
    private static final class FactorScorer implements Scorer {

        private final NDManager manager;
        private final NDArray customers;
        private final NDArray productsTransposed;
        private final NDArray biasRow;

        FactorScorer(NDManager manager, NDArray customers, NDArray products, NDArray bias) {
            this.manager = manager;
            this.customers = customers;
            this.productsTransposed = products.transpose();
            this.biasRow = bias.transpose();
        }

        @Override
        public float[][] score(int[] block) {
            long[] indices = new long[block.length];
            for (int c = 0; c < block.length; c++) {
                indices[c] = block[c];
            }
            try (NDManager scoring = manager.newSubManager()) {
                float[] flat = embed(scoring.create(indices), customers).matMul(productsTransposed).add(biasRow)
                        .toFloatArray();
                int products = flat.length / block.length;
                float[][] rows = new float[block.length][];
                for (int c = 0; c < block.length; c++) {
                    rows[c] = Arrays.copyOfRange(flat, c * products, (c + 1) * products);
                }
                return rows;
            }
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
