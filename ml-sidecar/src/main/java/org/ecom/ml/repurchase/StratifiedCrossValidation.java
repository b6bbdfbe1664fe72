package org.ecom.ml.repurchase;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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

    /** Out-of-fold probabilities and per-fold AUCs of one candidate. */
    CrossValidated run(Candidate candidate, List<Example<Label>> examples, boolean[] labels, long seed) {
        double[] outOfFold = new double[examples.size()];
        double[] foldAucs = new double[folds];
        for (int fold = 0; fold < folds; fold++) {
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
            Model<Label> model = candidate.trainer().apply(seed + fold).train(TribuoExamples.dataset(train));
            double[] probabilities = TribuoExamples.buyProbabilities(model, held);
            boolean[] heldLabels = new boolean[held.size()];
            for (int k = 0; k < held.size(); k++) {
                outOfFold[heldIndex.get(k)] = probabilities[k];
                heldLabels[k] = labels[heldIndex.get(k)];
            }
            foldAucs[fold] = BinaryMetrics.rocAuc(heldLabels, probabilities);
        }
        return new CrossValidated(candidate, foldAucs, outOfFold);
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
