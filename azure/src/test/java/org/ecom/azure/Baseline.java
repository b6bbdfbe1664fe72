package org.ecom.azure;

import java.nio.file.Path;
import java.util.List;

/** Checks one environment: the prod parameter file gets the production rules as well. */
final class Baseline {

    private Baseline() {
    }

    static List<Finding> check(String parameterFile, TemplateFiles files) {
        List<DeployedResource> resources = Deployment.of(parameterFile, files).resources();
        boolean production = Path.of(parameterFile).getFileName().toString().startsWith("prod.");
        List<BaselineRule> rules = production ? SqlBaseline.productionRules() : SqlBaseline.rules();
        return rules.stream().flatMap(rule -> rule.findings(resources).stream()).toList();
    }
}
