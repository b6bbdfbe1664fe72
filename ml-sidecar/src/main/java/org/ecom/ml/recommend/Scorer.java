package org.ecom.ml.recommend;

/** A fitted model: scores every product of the matrix it was fitted on, higher is better. */
interface Scorer extends AutoCloseable {

    /** One row of scores per customer, indexed by product; the caller may change the rows. */
    float[][] score(int[] customers);

    /** Frees what the model holds outside the Java heap, if anything. */
    @Override
    default void close() {
    }
}
