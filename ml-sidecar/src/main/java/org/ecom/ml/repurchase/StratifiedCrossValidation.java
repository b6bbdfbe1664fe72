package org.ecom.ml.repurchase;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * k-fold cross-validation with the same share of buyers in every fold. Each example is predicted by
 * the model that did not see it, which gives both the per-fold AUCs and out-of-fold probabilities
 * (from which the decision threshold is chosen without touching the test window).
 */
final class StratifiedCrossValidation {

    private final int[] foldOf;
    private final int folds;

    StratifiedCrossValidation(boolean[] labels, int folds, long seed) {
        this.folds = folds;
        this.foldOf = new int[labels.length];
        Random random = new Random(seed);
        for (boolean value : new boolean[] {true, false}) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == value) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int k = 0; k < members.size(); k++) {
                foldOf[members.get(k)] = k % folds;
            }
        }
    }

    /**
     * Out-of-fold probabilities and per-fold AUCs of one candidate, fitting up to {@code parallelFits}
     * folds at once. Each fold has its own seed and writes only its own slots, so the result does not
     * depend on which fold finishes first.
     */
    CrossValidated run(Candidate candidate, List<Example<Label>> examples, boolean[] labels, long seed, int parallelFits) {
        double[] outOfFold = new double[examples.size()];
        double[] foldAucs = new double[folds];
        ExecutorService pool = Executors.newFixedThreadPool(parallelFits);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
                int current = fold;
                pending.add(pool.submit(() -> foldAucs[current] = fit(candidate, examples, labels, seed + current, current, outOfFold)));
            }
            for (Future<?> fold : pending) {
                fold.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cross-validation of " + candidate.name() + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new CrossValidated(candidate, foldAucs, outOfFold);
    }

    /** Trains without one fold, writes that fold's probabilities into outOfFold and returns its AUC. */
    private double fit(Candidate candidate, List<Example<Label>> examples, boolean[] labels, long seed, int fold,
                       double[] outOfFold) {
        List<Example<Label>> train = new ArrayList<>();
        List<Example<Label>> held = new ArrayList<>();
        List<Integer> heldIndex = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (foldOf[i] == fold) {
                held.add(examples.get(i));
                heldIndex.add(i);
            } else {
                train.add(examples.get(i));
            }
        }
        Model<Label> model = candidate.trainer().apply(seed).train(TribuoExamples.dataset(train));
        double[] probabilities = TribuoExamples.buyProbabilities(model, held);
        boolean[] heldLabels = new boolean[held.size()];
        for (int k = 0; k < held.size(); k++) {
            outOfFold[heldIndex.get(k)] = probabilities[k];
            heldLabels[k] = labels[heldIndex.get(k)];
        }
        return BinaryMetrics.rocAuc(heldLabels, probabilities);
    }

    /** A candidate's cross-validation: its fold AUCs and out-of-fold probabilities. */
    record CrossValidated(Candidate candidate, double[] foldAucs, double[] outOfFold) {

        double meanAuc() {
            return Arrays.stream(foldAucs).average().orElse(Double.NaN);
        }

        double stdAuc() {
            double mean = meanAuc();
            return Math.sqrt(Arrays.stream(foldAucs).map(a -> (a - mean) * (a - mean)).average().orElse(0));
        }
    }
}
