package org.ecom.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The body of POST /score: {"features": {name: number, ...}} with exactly the model's features. */
final class WhatIf {

    private WhatIf() {
    }

    /** The features in the model's order; a 400 naming the field when the body is not that. */
    static double[] features(byte[] body, List<String> names) {
        JsonNode root;
        try {
            root = ServeData.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badField("body", "the body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiError.badField("body", "the body could not be read");
        }
        if (root == null || !root.isObject() || !root.path("features").isObject()) {
            throw ApiError.badField("features", "expected a JSON object {\"features\": {\"" + names.get(0) + "\": 12.0, ...}}");
        }
        JsonNode given = root.get("features");
        for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
            String name = fields.next().getKey();
            if (!names.contains(name)) {
                throw ApiError.badField("features." + name, "the model has no feature '" + name + "': it takes " + names);
            }
        }
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = given.get(names.get(i));
            if (value == null || value.isNull()) {
                throw ApiError.badField("features." + names.get(i), "missing: every feature of the model is needed, " + names);
            }
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw ApiError.badField("features." + names.get(i), "must be a finite number, not " + value);
            }
            values[i] = value.asDouble();
        }
        return values;
    }
}
