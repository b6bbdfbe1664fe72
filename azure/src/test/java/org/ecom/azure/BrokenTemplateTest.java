package org.ecom.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The baseline can fail: each test breaks the real templates or parameters in memory and expects
 * the rule to fire, at the file and line of the broken value.
 */
class BrokenTemplateTest {

    private static final String DEV = "azure/parameters/dev.bicepparam";
    private static final String PROD = "azure/parameters/prod.bicepparam";
    private static final String SERVER = "azure/bicep/modules/sql-server.bicep";
    private static final String DATABASE = "azure/bicep/modules/sql-database.bicep";
    private static final TemplateFiles FILES = TemplateFiles.inProject();

    @Test
    void tls10IsRefused() {
        TemplateFiles broken = FILES.replacing(SERVER, "minimalTlsVersion: '1.2'", "minimalTlsVersion: '1.0'");
        Finding finding = only("Azure.SQL.MinTLS", Baseline.check(DEV, broken));
        assertEquals(SERVER, finding.source().file().toString());
        assertEquals(lineOf(SERVER, "minimalTlsVersion"), finding.source().line());
        assertTrue(finding.toString().contains("'1.0'"), finding::toString);
    }

    @Test
    void aTlsVersionThatIsNotWrittenDownIsRefused() {
        TemplateFiles broken = FILES.replacing(SERVER, "    minimalTlsVersion: '1.2'\n", "");
        assertTrue(only("Azure.SQL.MinTLS", Baseline.check(DEV, broken)).reason().contains("not set"));
    }

    @Test
    void aFirewallRuleOpeningTheWholeInternetIsRefusedAtItsLineInTheParameterFile() {
        TemplateFiles broken = FILES.replacing(DEV, "startIpAddress: '203.0.113.10'\n    endIpAddress: '203.0.113.10'",
                "startIpAddress: '0.0.0.0'\n    endIpAddress: '255.255.255.255'");
        Finding finding = only("Azure.SQL.FirewallIPRange", Baseline.check(DEV, broken));
        assertEquals(DEV, finding.source().file().toString());
        assertEquals(lineOf(DEV, "startIpAddress"), finding.source().line());
        assertTrue(finding.reason().contains("4294967296 addresses"), finding::toString);
    }

    @Test
    void accessFromAllAzureServicesIsRefused() {
        TemplateFiles broken = FILES.replacing(DEV, "startIpAddress: '203.0.113.10'\n    endIpAddress: '203.0.113.10'",
                "startIpAddress: '0.0.0.0'\n    endIpAddress: '0.0.0.0'");
        only("Azure.SQL.AllowAzureAccess", Baseline.check(DEV, broken));
    }

    @Test
    void elevenFirewallRulesAreTooMany() {
        StringBuilder rules = new StringBuilder("param firewallRules = [\n");
        for (int i = 1; i <= 11; i++) {
            rules.append("  {\n    name: 'office").append(i).append("'\n    startIpAddress: '203.0.113.").append(i)
                    .append("'\n    endIpAddress: '203.0.113.").append(i).append("'\n  }\n");
        }
        TemplateFiles broken = FILES.replacing(PROD, "param firewallRules = []", rules.append("]").toString());
        List<Finding> findings = Baseline.check(PROD, broken);
        // Both servers get the rules: too many on each, and more than 10 addresses on each.
        assertEquals(2, count("Azure.SQL.FirewallRuleCount", findings));
        assertEquals(2, count("Azure.SQL.FirewallIPRange", findings));
    }

    @Test
    void auditingOffIsRefused() {
        TemplateFiles broken = FILES.replacing(SERVER, "    state: 'Enabled'\n    isAzureMonitorTargetEnabled",
                "    state: 'Disabled'\n    isAzureMonitorTargetEnabled");
        only("Azure.SQL.Auditing", Baseline.check(DEV, broken));
    }

    @Test
    void auditingThatDoesNotReachLogAnalyticsIsRefused() {
        TemplateFiles broken = FILES.replacing(SERVER, "category: 'SQLSecurityAuditEvents'", "category: 'DevOpsOperationsAudit'");
        assertTrue(only("Azure.SQL.Auditing", Baseline.check(DEV, broken)).reason().contains("SQLSecurityAuditEvents"));
    }

    @Test
    void defenderOffIsRefused() {
        TemplateFiles broken = FILES.replacing(SERVER, "    state: 'Enabled'\n    emailAccountAdmins",
                "    state: 'Disabled'\n    emailAccountAdmins");
        only("Azure.SQL.DefenderCloud", Baseline.check(DEV, broken));
    }

    @Test
    void aServerWithoutVulnerabilityAssessmentIsRefused() {
        TemplateFiles broken = FILES.replacing(SERVER, "'Microsoft.Sql/servers/sqlVulnerabilityAssessments@2023-08-01'",
                "'Microsoft.Sql/servers/advancedThreatProtectionSettings@2023-08-01'");
        only("Azure.SQL.VAScan", Baseline.check(DEV, broken));
    }

    @Test
    void tdeOffIsRefused() {
        TemplateFiles broken = FILES.replacing(DATABASE, "  properties: {\n    state: 'Enabled'", "  properties: {\n    state: 'Disabled'");
        Finding finding = only("Azure.SQL.TDE", Baseline.check(PROD, broken));
        assertEquals(DATABASE, finding.source().file().toString());
    }

    @Test
    void backupRetentionUnderSevenDaysIsRefused() {
        // The template's @minValue(7) refuses it at deployment too; the baseline does not rely on it.
        TemplateFiles broken = FILES.replacing(DEV, "param backupRetentionDays = 7", "param backupRetentionDays = 3");
        Finding finding = only("ecom.SQL.BackupRetention", Baseline.check(DEV, broken));
        assertEquals(DEV, finding.source().file().toString());
    }

    @Test
    void noLongTermRetentionIsRefused() {
        TemplateFiles broken = FILES.replacing(DEV, "weeklyRetention: 'P4W'", "weeklyRetention: 'P0D'");
        only("ecom.SQL.LongTermRetention", Baseline.check(DEV, broken));
    }

    @Test
    void aDatabaseWithoutDiagnosticLogsIsRefused() {
        TemplateFiles broken = FILES.replacing(DATABASE, "  scope: database\n  name: 'to-log-analytics'",
                "  scope: server\n  name: 'to-log-analytics'");
        only("ecom.SQL.DiagnosticLogs", Baseline.check(DEV, broken));
    }

    @Test
    void prodWithPublicAccessIsRefusedOnBothServers() {
        TemplateFiles broken = FILES.replacing(PROD, "param publicNetworkAccess = 'Disabled'", "param publicNetworkAccess = 'Enabled'");
        List<Finding> findings = Baseline.check(PROD, broken);
        assertEquals(2, count("ecom.SQL.PublicAccess", findings), findings::toString);
        assertEquals(PROD, findings.get(0).source().file().toString());
    }

    @Test
    void prodWithSqlLoginsIsRefused() {
        TemplateFiles broken = FILES.replacing(PROD, "param entraOnlyAuthentication = true", "param entraOnlyAuthentication = false");
        assertEquals(2, count("Azure.SQL.AADOnly", Baseline.check(PROD, broken)));
    }

    @Test
    void devMayKeepSqlLoginsAndPublicAccess() {
        List<String> rules = Baseline.check(DEV, FILES).stream().map(Finding::rule).toList();
        assertFalse(rules.contains("Azure.SQL.AADOnly"));
        assertFalse(rules.contains("ecom.SQL.PublicAccess"));
    }

    @Test
    void prodWithoutASecondaryHasNoFailoverGroup() {
        TemplateFiles broken = FILES.replacing(PROD, "param deploySecondary = true", "param deploySecondary = false");
        only("ecom.SQL.FailoverGroup", Baseline.check(PROD, broken));
    }

    @Test
    void aManualFailoverPolicyIsRefused() {
        TemplateFiles broken = FILES.replacing("azure/bicep/modules/failover-group.bicep",
                "failoverPolicy: 'Automatic'", "failoverPolicy: 'Manual'");
        only("ecom.SQL.FailoverGroup", Baseline.check(PROD, broken));
    }

    @Test
    void aServerWithoutEntraAdministratorIsRefused() {
        TemplateFiles broken = FILES.replacing(SERVER, "administratorType: 'ActiveDirectory'", "administratorType: 'None'");
        only("Azure.SQL.AAD", Baseline.check(DEV, broken));
    }

    @Test
    void aSecuritySettingThatCannotBeKnownOfflineFails() {
        TemplateFiles broken = FILES.replacing(SERVER, "minimalTlsVersion: '1.2'", "minimalTlsVersion: tlsVersionFromSomewhere()");
        assertTrue(only("Azure.SQL.MinTLS", Baseline.check(DEV, broken)).reason().contains("not known offline"));
    }

    @Test
    void aParameterTheTemplateDoesNotDeclareIsAnError() {
        TemplateFiles broken = FILES.replacing(DEV, "param zoneRedundant = false", "param zoneRedundnat = false");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Baseline.check(DEV, broken));
        assertTrue(error.getMessage().contains("zoneRedundnat"), error::getMessage);
    }

    /** The one finding, which must be of {@code rule}: a break must not trip unrelated rules. */
    private static Finding only(String rule, List<Finding> findings) {
        assertEquals(1, findings.size(), () -> "expected one " + rule + " finding, got " + findings);
        assertEquals(rule, findings.get(0).rule(), findings.get(0)::toString);
        return findings.get(0);
    }

    private static long count(String rule, List<Finding> findings) {
        return findings.stream().filter(f -> f.rule().equals(rule)).count();
    }

    /** The line of the first occurrence of {@code text} in a project file. */
    private static int lineOf(String file, String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(FILES.projectRoot().resolve(file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalArgumentException(text + " not in " + file);
    }
}
