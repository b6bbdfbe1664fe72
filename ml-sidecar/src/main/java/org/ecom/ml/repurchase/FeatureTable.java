package org.ecom.ml.repurchase;

import java.util.Arrays;
import java.util.List;

/**
 * One row of features per customer, in customer-id order.
 *
 * @param customerIds the customer of each row
 * @param names       the feature names, one per column
 * @param rows        rows[i][j] is feature j of customer i
 */
record FeatureTable(int[] customerIds, List<String> names, double[][] rows) {

    int size() {
        return customerIds.length;
    }

    double[] column(int j) {
        double[] column = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            column[i] = rows[i][j];
        }
        return column;
    }

    /** The table with only the named columns, in the given order. */
    FeatureTable select(List<String> columns) {
        return select(columns.stream().mapToInt(name -> {
            int index = names.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("unknown feature '" + name + "': expected one of " + names);
            }
            return index;
        }).toArray());
    }

    /** The table with only the given columns, in the given order. */
    FeatureTable select(int[] columns) {
        double[][] selected = new double[rows.length][columns.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < columns.length; k++) {
                selected[i][k] = rows[i][columns[k]];
            }
        }
        List<String> selectedNames = Arrays.stream(columns).mapToObj(names::get).toList();
        return new FeatureTable(customerIds, selectedNames, selected);
    }
}
