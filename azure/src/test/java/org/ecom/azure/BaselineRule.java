package org.ecom.azure;

import java.util.List;
import java.util.function.Function;

/**
 * One rule of the security baseline, checked over the resources a deployment would create.
 *
 * @param name the PSRule for Azure rule it follows (Azure.SQL.*), or ecom.SQL.* where PSRule has none
 */
record BaselineRule(String name, Function<List<DeployedResource>, List<Violation>> check) {

    /** What is wrong and where; the rule adds its name to make a {@link Finding}. */
    record Violation(Source source, String reason) {
    }

    List<Finding> findings(List<DeployedResource> resources) {
        return check.apply(resources).stream().map(v -> new Finding(v.source(), name, v.reason())).toList();
    }
}
