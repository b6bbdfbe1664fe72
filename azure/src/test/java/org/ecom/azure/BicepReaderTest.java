package org.ecom.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader understands the Bicep subset, keeps what it does not model verbatim, and names the line it cannot read. */
class BicepReaderTest {

    private static final Path FILE = Path.of("test.bicep");

    @Test
    void readsParametersWithDecoratorsAndDefaults() {
        BicepFile file = BicepReader.read(FILE, """
                @description('Days, at least a week')
                @minValue(7)
                @maxValue(35)
                param retentionDays int = 7

                @allowed([
                  'Enabled'
                  'Disabled'
                ])
                param access string
                """);
        BicepFile.Param days = file.param("retentionDays").orElseThrow();
        assertEquals("int", days.type());
        assertEquals(7L, ((Expr.Literal) days.value()).value());
        assertEquals(List.of(new Expr.Literal(7L, new Source(FILE, 2))), days.decorator("minValue").orElseThrow().arguments());
        Expr.ArrayExpr allowed = (Expr.ArrayExpr) file.param("access").orElseThrow().decorator("allowed").orElseThrow().arguments().get(0);
        assertEquals(2, allowed.items().size());
        assertEquals(10, file.param("access").orElseThrow().source().line());
    }

    @Test
    void readsResourcesWithNestedLiteralsLoopsAndConditions() {
        BicepFile file = BicepReader.read(FILE, """
                resource server 'Microsoft.Sql/servers@2023-08-01' = {
                  name: 'sql-${suffix}'
                  properties: {
                    minimalTlsVersion: '1.2'
                    tags: [ 'a', 'b' ]
                  }
                }
                resource rules 'Microsoft.Sql/servers/firewallRules@2023-08-01' = [for (rule, i) in firewallRules: {
                  parent: server
                  name: rule.name
                }]
                resource master 'Microsoft.Sql/servers/databases@2023-08-01' existing = if (deploy) {
                  name: 'master'
                }
                """);
        BicepFile.Resource server = file.resources().get(0);
        assertEquals("Microsoft.Sql/servers", server.type());
        assertEquals("2023-08-01", server.apiVersion());
        Expr.ObjectExpr body = (Expr.ObjectExpr) server.body();
        assertEquals(new Expr.Opaque("'sql-${suffix}'", new Source(FILE, 2)), body.get("name").orElseThrow());
        Expr.ObjectExpr properties = (Expr.ObjectExpr) body.get("properties").orElseThrow();
        assertEquals(new Expr.Literal("1.2", new Source(FILE, 4)), properties.get("minimalTlsVersion").orElseThrow());
        assertEquals(2, ((Expr.ArrayExpr) properties.get("tags").orElseThrow()).items().size());

        Expr.ForExpr loop = assertInstanceOf(Expr.ForExpr.class, file.resources().get(1).body());
        assertEquals("rule", loop.item());
        assertEquals("i", loop.index());
        assertEquals(List.of("rule", "name"), ((Expr.Ref) ((Expr.ObjectExpr) loop.body()).get("name").orElseThrow()).path());

        BicepFile.Resource master = file.resources().get(2);
        assertTrue(master.existing());
        assertInstanceOf(Expr.IfExpr.class, master.body());
    }

    @Test
    void keepsCallsAndOperatorsVerbatim() {
        BicepFile file = BicepReader.read(FILE, """
                var name = empty(list) ? 'none' : fail('refused: ${join(list, ', ')}')
                var multiline = union(a, {
                  b: 1
                })
                """);
        assertEquals("empty(list) ? 'none' : fail('refused: ${join(list, ', ')}')",
                ((Expr.Opaque) file.variable("name").orElseThrow().value()).text());
        assertInstanceOf(Expr.Opaque.class, file.variable("multiline").orElseThrow().value());
    }

    @Test
    void readsParameterFiles() {
        BicepFile file = BicepReader.read(Path.of("dev.bicepparam"), """
                using '../bicep/main.bicep'

                param password = readEnvironmentVariable('SECRET')
                param rules = [
                  {
                    name: 'office' // a comment
                    startIpAddress: '203.0.113.10'
                  }
                ]
                """);
        assertEquals("../bicep/main.bicep", file.using());
        assertInstanceOf(Expr.Opaque.class, file.param("password").orElseThrow().value());
        assertInstanceOf(Expr.ArrayExpr.class, file.param("rules").orElseThrow().value());
    }

    @Test
    void anUnsupportedStatementNamesItsFileAndLine() {
        BicepSyntaxException error = assertThrows(BicepSyntaxException.class,
                () -> BicepReader.read(FILE, "param a string\n\nfunc double(x int) int => x * 2\n"));
        assertEquals("test.bicep:3: unsupported statement 'func'", error.getMessage());
    }

    @Test
    void anUnclosedObjectIsAnError() {
        BicepSyntaxException error = assertThrows(BicepSyntaxException.class,
                () -> BicepReader.read(FILE, "var a = {\n  b: 'c'\n"));
        assertTrue(error.getMessage().startsWith("test.bicep:"), error::getMessage);
    }
}
