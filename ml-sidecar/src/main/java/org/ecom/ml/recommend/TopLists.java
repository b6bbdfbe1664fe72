package org.ecom.ml.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The best-scored products each customer has not bought, scored in blocks to bound memory. */
final class TopLists {

    /** Customers scored at once: 256 rows of ~4,600 floats are under 5 MB. */
    private static final int BLOCK = 256;

    /** A customer's list, best first; shorter than asked only when the catalogue runs out. */
    record TopList(int customer, int[] products, float[] scores) {
    }

    private TopLists() {
    }

    static List<TopList> compute(Scorer scorer, PurchaseMatrix bought, int[] customers, int size) {
        List<TopList> lists = new ArrayList<>(customers.length);
        BestK best = new BestK(size);
        for (int from = 0; from < customers.length; from += BLOCK) {
            int[] block = Arrays.copyOfRange(customers, from, Math.min(customers.length, from + BLOCK));
            float[][] rows = scorer.score(block);
            for (int c = 0; c < block.length; c++) {
                lists.add(pick(rows[c], bought, block[c], best));
            }
        }
        return lists;
    }

    private static TopList pick(float[] scores, PurchaseMatrix bought, int customer, BestK best) {
        for (int k = bought.rowStart(customer); k < bought.rowEnd(customer); k++) {
            scores[bought.productAt(k)] = Float.NEGATIVE_INFINITY;
        }
        best.clear();
        for (int p = 0; p < scores.length; p++) {
            if (scores[p] != Float.NEGATIVE_INFINITY) {
                best.offer(p, scores[p]);
            }
        }
        int[] products = new int[best.size()];
        float[] kept = new float[best.size()];
        for (int r = 0; r < products.length; r++) {
            products[r] = best.id(r);
            kept[r] = best.score(r);
        }
        return new TopList(customer, products, kept);
    }
}
