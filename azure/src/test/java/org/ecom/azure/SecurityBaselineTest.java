package org.ecom.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The templates with their real parameter files meet the security baseline. A failure lists each
 * broken rule as file:line: rule: reason.
 */
class SecurityBaselineTest {

    private static final TemplateFiles FILES = TemplateFiles.inProject();

    @Test
    void devMeetsTheBaseline() {
        assertNoFindings(Baseline.check("azure/parameters/dev.bicepparam", FILES));
    }

    @Test
    void prodMeetsTheBaselineAndTheProductionRules() {
        assertNoFindings(Baseline.check("azure/parameters/prod.bicepparam", FILES));
    }

    @Test
    void prodDeploysWhatTheBaselineIsAbout() {
        List<DeployedResource> resources = Deployment.of("azure/parameters/prod.bicepparam", FILES).resources();
        // Primary and secondary server, each with its own checks; the named replica on Hyperscale.
        assertEquals(2, count(resources, "Microsoft.Sql/servers"));
        assertEquals(1, count(resources, "Microsoft.Sql/servers/failoverGroups"));
        assertTrue(resources.stream().anyMatch(r -> r.isA("Microsoft.Sql/servers/databases")
                && r.literal("properties.secondaryType").equals(java.util.Optional.of("Named"))));
        assertTrue(resources.stream().anyMatch(r -> r.isA("Microsoft.Network/privateDnsZones")
                && r.literal("name").equals(java.util.Optional.of("privatelink.database.windows.net"))));
        assertEquals(2, count(resources, "Microsoft.Network/privateEndpoints"));
    }

    @Test
    void devHasNoSecondaryAndItsFirewallRuleComesFromTheParameters() {
        List<DeployedResource> resources = Deployment.of("azure/parameters/dev.bicepparam", FILES).resources();
        assertEquals(1, count(resources, "Microsoft.Sql/servers"));
        assertEquals(0, count(resources, "Microsoft.Sql/servers/failoverGroups"));
        DeployedResource rule = resources.stream().filter(r -> r.isA("Microsoft.Sql/servers/firewallRules")).findFirst().orElseThrow();
        assertEquals("azure/parameters/dev.bicepparam", rule.sourceOf("properties.startIpAddress").file().toString());
    }

    private static long count(List<DeployedResource> resources, String type) {
        return resources.stream().filter(r -> r.isA(type) && !r.existing()).count();
    }

    static void assertNoFindings(List<Finding> findings) {
        assertTrue(findings.isEmpty(), () -> "security baseline broken:\n"
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }
}
