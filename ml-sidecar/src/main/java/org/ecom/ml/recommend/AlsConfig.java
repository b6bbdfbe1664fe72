package org.ecom.ml.recommend;

/**
 * Settings of the implicit alternating least squares model.
 *
 * @param factors        size of the customer and product factor vectors
 * @param regularisation weight of the squared norm of each factor vector
 * @param alpha          a purchase's confidence is 1 + alpha x its recency weight
 * @param iterations     alternations (customers, then products)
 * @param halfLifeDays   the recency weight's half-life; 0 weighs every purchase 1
 */
public record AlsConfig(int factors, double regularisation, double alpha, int iterations, double halfLifeDays) {

    public AlsConfig {
        if (factors < 1 || iterations < 1 || !(regularisation >= 0) || !(alpha > 0) || !(halfLifeDays >= 0)) {
            throw new IllegalArgumentException(
                    "factors, iterations and alpha must be positive, regularisation and halfLifeDays not negative");
        }
    }
}
