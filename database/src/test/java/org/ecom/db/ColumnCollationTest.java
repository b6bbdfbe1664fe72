package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every comparison of character columns of two tables in the T-SQL objects (joins, WHERE,
 * IN (SELECT ...), through aliases, CTEs and views) uses one explicit collation: otherwise SQL
 * Server fails with Msg 468 on a server whose default collation differs, as Azure SQL
 * Database's does. Read from sqlfluff's parse tree by database/tsql-gate/tsql_collations.py; a bad
 * fixture (database/tsql-gate/fixtures/collation-mismatch) proves the check fails when it should.
 */
class ColumnCollationTest {

    private static final Pattern CHECKED = Pattern.compile("tsql_collations: (\\d+) comparisons");

    @Test
    void everyComparisonAcrossTablesUsesOneExplicitCollation() throws Exception {
        TsqlParseTree.ProcessResult result = TsqlParseTree.runScript("tsql_collations.py",
                TsqlParseTree.of("database/mssql"));
        assertEquals(0, result.exitCode(), result.output());
        System.out.println(result.stdout().strip());
        Matcher checked = CHECKED.matcher(result.stdout());
        assertTrue(checked.find() && Integer.parseInt(checked.group(1)) >= 10,
                "fewer comparisons followed to their tables than the joins of sales and mart hold: " + result.output());
    }

    @Test
    void aJoinOfTwoCollationsFails() throws Exception {
        TsqlParseTree.ProcessResult result = TsqlParseTree.runScript("tsql_collations.py",
                TsqlParseTree.of("database/tsql-gate/fixtures/collation-mismatch"));
        assertEquals(1, result.exitCode(), result.output());
        String objects = "database/tsql-gate/fixtures/collation-mismatch/objects.sql";
        assertEquals(List.of(
                objects + " (shop.current_recommendation): p.stock_code = r.stock_code compares shop.product.stock_code"
                        + " (COLLATE Latin1_General_100_BIN2) with shop.recommendation.stock_code (database default)",
                objects + " (shop.described_basket_lines): b.stock_code IN d.stock_code compares shop.basket_line.stock_code"
                        + " (COLLATE Latin1_General_100_CI_AS) with shop.product.stock_code (COLLATE Latin1_General_100_BIN2)",
                objects + " (shop.unknown_products): l.stock_code = c.stock_code compares shop.basket_line.stock_code"
                        + " (COLLATE Latin1_General_100_CI_AS) with shop.recommendation.stock_code (database default)"),
                result.stdout().lines().toList());
    }
}
