package org.ecom.azure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.ecom.azure.BaselineRule.Violation;

/**
 * The Azure SQL security baseline, after the rules of PSRule for Azure (Azure.SQL.*: same names
 * and intent, sometimes stricter) plus the project's own (ecom.SQL.*) where PSRule has none. A
 * value that cannot be known offline breaks the rule: the templates state security settings as
 * literals or parameters so that they can be checked.
 */
final class SqlBaseline {

    private static final String SERVER = "Microsoft.Sql/servers";
    private static final String DATABASE = "Microsoft.Sql/servers/databases";
    /** PSRule's limit, both for firewall rules per server and for the addresses they permit. */
    private static final int FIREWALL_LIMIT = 10;

    private SqlBaseline() {
    }

    /** The rules for every environment. */
    static List<BaselineRule> rules() {
        return List.of(
                perServer("Azure.SQL.MinTLS", SqlBaseline::minimumTls12),
                perServer("Azure.SQL.AAD", SqlBaseline::entraAdministrator),
                perServer("Azure.SQL.FirewallRuleCount", SqlBaseline::firewallRuleCount),
                perServer("Azure.SQL.AllowAzureAccess", SqlBaseline::noAllowAzureAccess),
                perServer("Azure.SQL.FirewallIPRange", SqlBaseline::firewallAddressCount),
                perServer("Azure.SQL.Auditing", SqlBaseline::auditingToLogAnalytics),
                perServer("Azure.SQL.DefenderCloud", server -> enabledChild(server, "Microsoft.Sql/servers/securityAlertPolicies")),
                perServer("Azure.SQL.VAScan", server -> enabledChild(server, "Microsoft.Sql/servers/sqlVulnerabilityAssessments")),
                perDatabase("Azure.SQL.TDE", database -> enabledChild(database, "Microsoft.Sql/servers/databases/transparentDataEncryption")),
                perDatabase("ecom.SQL.BackupRetention", SqlBaseline::pointInTimeRetention),
                perDatabase("ecom.SQL.LongTermRetention", SqlBaseline::longTermRetention),
                perDatabase("ecom.SQL.DiagnosticLogs", SqlBaseline::diagnosticLogs));
    }

    /** Production adds: Entra identities only, no public endpoint, an automatic failover group. */
    static List<BaselineRule> productionRules() {
        List<BaselineRule> rules = new ArrayList<>(rules());
        rules.add(perServer("Azure.SQL.AADOnly",
                server -> expect(server.resource(), "properties.administrators.azureADOnlyAuthentication", true)));
        rules.add(perServer("ecom.SQL.PublicAccess",
                server -> expect(server.resource(), "properties.publicNetworkAccess", "Disabled")));
        rules.add(new BaselineRule("ecom.SQL.FailoverGroup", SqlBaseline::automaticFailoverGroup));
        return List.copyOf(rules);
    }

    /** A server or database together with the resources of its module instance, where its children are. */
    private record Scoped(DeployedResource resource, List<DeployedResource> neighbours) {

        List<DeployedResource> children(String type) {
            return referring(type, "parent");
        }

        /** Neighbours of a type whose {@code parent:} or {@code scope:} is this resource. */
        List<DeployedResource> referring(String type, String property) {
            return neighbours.stream()
                    .filter(r -> r.isA(type) && r.reference(property).equals(Optional.of(resource.symbol())))
                    .toList();
        }
    }

    private static BaselineRule perServer(String name, Function<Scoped, List<Violation>> check) {
        return perResource(name, r -> r.isA(SERVER) && !r.existing(), check);
    }

    /** Databases this deployment creates, named replicas aside: they follow their primary. */
    private static BaselineRule perDatabase(String name, Function<Scoped, List<Violation>> check) {
        return perResource(name, r -> r.isA(DATABASE) && !r.existing()
                && !r.literal("properties.createMode").equals(Optional.of("Secondary")), check);
    }

    private static BaselineRule perResource(String name, Predicate<DeployedResource> target,
            Function<Scoped, List<Violation>> check) {
        return new BaselineRule(name, resources -> resources.stream()
                .filter(target)
                .map(r -> new Scoped(r, resources.stream().filter(n -> n.instance().equals(r.instance())).toList()))
                .flatMap(scoped -> check.apply(scoped).stream())
                .toList());
    }

    private static List<Violation> minimumTls12(Scoped server) {
        String path = "properties.minimalTlsVersion";
        Optional<Object> version = server.resource().literal(path);
        boolean atLeast12 = version.filter(String.class::isInstance)
                .filter(v -> ((String) v).matches("\\d+\\.\\d+"))
                .map(v -> new BigDecimal((String) v).compareTo(new BigDecimal("1.2")) >= 0)
                .orElse(false);
        return atLeast12 ? List.of() : List.of(new Violation(server.resource().sourceOf(path),
                path + " is " + describe(server.resource(), path) + ", expected '1.2' or later"));
    }

    private static List<Violation> entraAdministrator(Scoped server) {
        List<Violation> violations = new ArrayList<>(
                expect(server.resource(), "properties.administrators.administratorType", "ActiveDirectory"));
        for (String path : List.of("properties.administrators.login", "properties.administrators.sid")) {
            Optional<Expr> value = server.resource().property(path);
            boolean missing = value.isEmpty() || value.get() instanceof Expr.Literal literal
                    && (literal.value() == null || literal.value().toString().isBlank());
            if (missing) {
                violations.add(new Violation(server.resource().sourceOf(path), path + " is not set"));
            }
        }
        return violations;
    }

    private static List<Violation> firewallRuleCount(Scoped server) {
        int count = server.children("Microsoft.Sql/servers/firewallRules").size();
        return count <= FIREWALL_LIMIT ? List.of() : List.of(new Violation(server.resource().source(),
                count + " firewall rules, more than " + FIREWALL_LIMIT));
    }

    /** 0.0.0.0-0.0.0.0 (or the rule named AllowAllWindowsAzureIps) lets in every Azure tenant. */
    private static List<Violation> noAllowAzureAccess(Scoped server) {
        List<Violation> violations = new ArrayList<>();
        for (DeployedResource rule : server.children("Microsoft.Sql/servers/firewallRules")) {
            boolean azureServices = rule.literal("name").equals(Optional.of("AllowAllWindowsAzureIps"))
                    || rule.literal("properties.startIpAddress").equals(Optional.of("0.0.0.0"))
                    && rule.literal("properties.endIpAddress").equals(Optional.of("0.0.0.0"));
            if (azureServices) {
                violations.add(new Violation(rule.sourceOf("properties.startIpAddress"),
                        "firewall rule allows access from all Azure services (0.0.0.0-0.0.0.0)"));
            }
        }
        return violations;
    }

    /**
     * At most 10 addresses through the firewall in all. Stricter than PSRule, which counts public
     * addresses only: here every address counts, so a whole-internet rule fails at once.
     */
    private static List<Violation> firewallAddressCount(Scoped server) {
        List<Violation> violations = new ArrayList<>();
        long permitted = 0;
        for (DeployedResource rule : server.children("Microsoft.Sql/servers/firewallRules")) {
            Optional<Long> start = rule.literal("properties.startIpAddress").flatMap(Ipv4::parse);
            Optional<Long> end = rule.literal("properties.endIpAddress").flatMap(Ipv4::parse);
            Source where = rule.sourceOf("properties.startIpAddress");
            if (start.isEmpty() || end.isEmpty() || end.get() < start.get()) {
                violations.add(new Violation(where, "firewall range "
                        + describe(rule, "properties.startIpAddress") + " - " + describe(rule, "properties.endIpAddress")
                        + " is not an IPv4 range known offline"));
                continue;
            }
            long addresses = end.get() - start.get() + 1;
            permitted += addresses;
            if (permitted > FIREWALL_LIMIT) {
                violations.add(new Violation(where, "firewall range " + Ipv4.format(start.get()) + " - "
                        + Ipv4.format(end.get()) + " permits " + addresses + " addresses, " + permitted
                        + " in all: more than " + FIREWALL_LIMIT));
            }
        }
        return violations;
    }

    /** Auditing on, sent to Azure Monitor, and the audit log category routed to Log Analytics from master. */
    private static List<Violation> auditingToLogAnalytics(Scoped server) {
        List<DeployedResource> settings = server.children("Microsoft.Sql/servers/auditingSettings");
        if (settings.isEmpty()) {
            return List.of(new Violation(server.resource().source(), "no auditingSettings for this server"));
        }
        List<Violation> violations = new ArrayList<>();
        for (DeployedResource setting : settings) {
            violations.addAll(expect(setting, "properties.state", "Enabled"));
            violations.addAll(expect(setting, "properties.isAzureMonitorTargetEnabled", true));
        }
        List<DeployedResource> masters = server.children(DATABASE).stream()
                .filter(r -> r.literal("name").equals(Optional.of("master")))
                .toList();
        boolean routed = masters.stream()
                .flatMap(master -> new Scoped(master, server.neighbours())
                        .referring("Microsoft.Insights/diagnosticSettings", "scope").stream())
                .anyMatch(d -> sendsToWorkspace(d, "SQLSecurityAuditEvents"));
        if (!routed) {
            violations.add(new Violation(server.resource().source(),
                    "no diagnostic setting on master sends SQLSecurityAuditEvents to a Log Analytics workspace"));
        }
        return violations;
    }

    private static List<Violation> enabledChild(Scoped parent, String type) {
        List<DeployedResource> children = parent.children(type);
        if (children.isEmpty()) {
            return List.of(new Violation(parent.resource().source(), "no " + type + " for " + parent.resource().symbol()));
        }
        return children.stream().flatMap(child -> expect(child, "properties.state", "Enabled").stream()).toList();
    }

    private static List<Violation> pointInTimeRetention(Scoped database) {
        List<DeployedResource> policies = database.children("Microsoft.Sql/servers/databases/backupShortTermRetentionPolicies");
        if (policies.isEmpty()) {
            return List.of(new Violation(database.resource().source(), "no backupShortTermRetentionPolicies: retention left to the default"));
        }
        List<Violation> violations = new ArrayList<>();
        for (DeployedResource policy : policies) {
            String path = "properties.retentionDays";
            Optional<Object> days = policy.literal(path);
            if (!(days.orElse(null) instanceof Long value && value >= 7 && value <= 35)) {
                violations.add(new Violation(policy.sourceOf(path),
                        path + " is " + describe(policy, path) + ", expected 7 to 35 days"));
            }
        }
        return violations;
    }

    /** Weekly, monthly or yearly backups kept: at least one of the three is a non-zero duration. */
    private static List<Violation> longTermRetention(Scoped database) {
        List<DeployedResource> policies = database.children("Microsoft.Sql/servers/databases/backupLongTermRetentionPolicies");
        if (policies.isEmpty()) {
            return List.of(new Violation(database.resource().source(), "no backupLongTermRetentionPolicies"));
        }
        List<Violation> violations = new ArrayList<>();
        for (DeployedResource policy : policies) {
            List<String> periods = List.of("weeklyRetention", "monthlyRetention", "yearlyRetention");
            boolean keepsSome = periods.stream()
                    .map(p -> policy.literal("properties." + p))
                    .flatMap(Optional::stream)
                    .anyMatch(v -> v instanceof String duration && duration.matches("P\\d+[DWMY]") && !duration.matches("P0+[DWMY]"));
            if (!keepsSome) {
                violations.add(new Violation(policy.sourceOf("properties.weeklyRetention"),
                        "no long-term retention: weekly " + describe(policy, "properties.weeklyRetention")
                                + ", monthly " + describe(policy, "properties.monthlyRetention")
                                + ", yearly " + describe(policy, "properties.yearlyRetention")));
            }
        }
        return violations;
    }

    private static List<Violation> diagnosticLogs(Scoped database) {
        boolean sent = database.referring("Microsoft.Insights/diagnosticSettings", "scope").stream()
                .anyMatch(d -> sendsToWorkspace(d, null));
        return sent ? List.of() : List.of(new Violation(database.resource().source(),
                "no diagnostic setting sends this database's logs to a Log Analytics workspace"));
    }

    /** A workspace is set, and a log entry is enabled (for {@code category}, when given). */
    private static boolean sendsToWorkspace(DeployedResource setting, String category) {
        boolean workspace = setting.property("properties.workspaceId").isPresent();
        boolean logged = setting.property("properties.logs").orElse(null) instanceof Expr.ArrayExpr logs
                && logs.items().stream().anyMatch(entry -> entry instanceof Expr.ObjectExpr log
                        && log.get("enabled").orElse(null) instanceof Expr.Literal enabled && Boolean.TRUE.equals(enabled.value())
                        && (category == null || log.get("category").orElse(null) instanceof Expr.Literal name
                                && category.equals(name.value())));
        return workspace && logged;
    }

    private static List<Violation> automaticFailoverGroup(List<DeployedResource> resources) {
        List<DeployedResource> groups = resources.stream()
                .filter(r -> r.isA("Microsoft.Sql/servers/failoverGroups") && !r.existing())
                .toList();
        if (groups.isEmpty()) {
            Source where = resources.stream().filter(r -> r.isA(SERVER) && !r.existing())
                    .map(DeployedResource::source).findFirst().orElseThrow();
            return List.of(new Violation(where, "no failover group: the database has no secondary in another region"));
        }
        List<Violation> violations = new ArrayList<>();
        for (DeployedResource group : groups) {
            violations.addAll(expect(group, "properties.readWriteEndpoint.failoverPolicy", "Automatic"));
            for (String list : List.of("properties.partnerServers", "properties.databases")) {
                boolean filled = group.property(list).map(v -> !(v instanceof Expr.ArrayExpr array) || !array.items().isEmpty())
                        .orElse(false);
                if (!filled) {
                    violations.add(new Violation(group.sourceOf(list), list + " is empty"));
                }
            }
        }
        return violations;
    }

    private static List<Violation> expect(DeployedResource resource, String path, Object expected) {
        if (resource.literal(path).filter(v -> Objects.equals(v, expected)).isPresent()) {
            return List.of();
        }
        return List.of(new Violation(resource.sourceOf(path),
                path + " is " + describe(resource, path) + ", expected " + quoted(expected)));
    }

    /** A value as a finding shows it: 'text', 42, true, not set, or the expression not known offline. */
    private static String describe(DeployedResource resource, String path) {
        Optional<Expr> value = resource.property(path);
        if (value.isEmpty()) {
            return "not set";
        }
        if (value.get() instanceof Expr.Literal literal) {
            return quoted(literal.value());
        }
        if (value.get() instanceof Expr.Opaque opaque) {
            return "not known offline (" + opaque.text() + ")";
        }
        return "not a single value";
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
