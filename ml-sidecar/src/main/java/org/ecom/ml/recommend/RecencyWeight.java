package org.ecom.ml.recommend;

/**
 * How much a customer's purchase counts by its age, in days before the last day of the data:
 * halves every {@code halfLifeDays}; a half-life of 0 counts every purchase fully. Measured on
 * the real data, recent purchases say more about what a customer buys next than old ones.
 */
record RecencyWeight(double halfLifeDays) {

    float weight(int ageDays) {
        return halfLifeDays == 0 ? 1 : (float) Math.pow(0.5, ageDays / halfLifeDays);
    }
}
