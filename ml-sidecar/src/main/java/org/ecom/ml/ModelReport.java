package org.ecom.ml;

import java.util.Map;

/**
 * What a trained model says about itself, stored as JSON in ml.model_run: the settings it was
 * trained with and its evaluation figures. Values are numbers, strings, booleans, lists or maps.
 */
public interface ModelReport {

    Map<String, Object> parameters();

    Map<String, Object> metrics();
}
