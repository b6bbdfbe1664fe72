package org.ecom.ml.recommend;

/**
 * Keeps the k best (id, score) pairs offered: higher score first. Offer ids in ascending order
 * and, on equal scores, the lower id stays ahead, so the result never depends on chance.
 */
final class BestK {

    private final int[] ids;
    private final float[] scores;
    private int size;

    BestK(int k) {
        ids = new int[k];
        scores = new float[k];
    }

    void clear() {
        size = 0;
    }

    void offer(int id, float score) {
        int k = ids.length;
        if (size == k && !(score > scores[k - 1])) {
            return;
        }
        int position = size == k ? k - 1 : size++;
        while (position > 0 && score > scores[position - 1]) {
            ids[position] = ids[position - 1];
            scores[position] = scores[position - 1];
            position--;
        }
        ids[position] = id;
        scores[position] = score;
    }

    int size() {
        return size;
    }

    int id(int rank) {
        return ids[rank];
    }

    float score(int rank) {
        return scores[rank];
    }
}
