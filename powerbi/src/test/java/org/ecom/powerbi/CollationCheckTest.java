package org.ecom.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relationship keys and their collations, as database/mssql gives them. */
class CollationCheckTest {

    private static SemanticModel model() throws IOException {
        return SemanticModel.read(TestProject.folder().resolve("Ecom.SemanticModel"));
    }

    @Test
    void everyRelationshipJoinsTextOfOneCollation() throws Exception {
        List<Problem> problems = CollationCheck.check(model(), TsqlSchema.read(TestProject.tsqlFolder()));
        assertEquals("", String.join("\n", problems.stream().map(Problem::toString).toList()));
    }

    @Test
    void aKeyLeftToTheDatabaseDefaultIsReportedAtItsRelationship(@TempDir Path mssql) throws Exception {
        Path view = Files.createDirectories(mssql.resolve("kpi/views")).resolve("regional_manager_country.sql");
        Files.copy(TestProject.tsqlFolder().resolve("kpi/views/regional_manager_country.sql"), view);
        String text = Files.readString(view, StandardCharsets.UTF_8);
        String cast = "CAST(m.country_name AS nvarchar(60)) COLLATE Latin1_General_100_BIN2 AS country_name";
        assertTrue(text.contains(cast), text);
        Files.writeString(view, text.replace(cast, "CAST(m.country_name AS varchar(60)) AS country_name"));
        copy("sales/tables/country.sql", mssql);
        copy("mart/tables/country_summary.sql", mssql);
        copy("kpi/views/country_revenue.sql", mssql);

        List<String> problems = CollationCheck.check(model(), TsqlSchema.read(mssql)).stream().map(Problem::toString).toList();

        Path relationships = TestProject.folder().resolve("Ecom.SemanticModel/definition/relationships.tmdl");
        int line = Files.readAllLines(relationships).indexOf("relationship manager_country_country") + 1;
        assertTrue(problems.contains(relationships + ":" + line + ": relationship manager_country_country joins two collations,"
                + " which SQL Server refuses to compare (Msg 468): Manager country.country_name is"
                + " kpi.regional_manager_country.country_name < kpi.regional_manager_country (a VALUES list): the database's default collation;"
                + " Country.country_name is kpi.country_revenue.country_name < mart.country_summary.country_name: Latin1_General_100_BIN2"),
                String.join("\n", problems));
    }

    private static void copy(String file, Path mssql) throws IOException {
        Path target = mssql.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(TestProject.tsqlFolder().resolve(file), target);
    }

    @Test
    void followsViewsCtesCastsAndAlteredColumnsDownToTheTable(@TempDir Path mssql) throws Exception {
        Files.writeString(mssql.resolve("tables.sql"), """
                --changeset ecom:t
                CREATE TABLE s.product (
                    stock_code varchar(20) COLLATE Latin1_General_100_BIN2 NOT NULL, -- a comment, (with) parentheses
                    description nvarchar(200) NULL,
                    price decimal(18, 3) NOT NULL,
                    CONSTRAINT pk_product PRIMARY KEY CLUSTERED (stock_code)
                );
                CREATE TABLE s.line (line_id int NOT NULL, [stock_code] varchar(20) NOT NULL);
                """);
        Files.writeString(mssql.resolve("later.sql"), """
                ALTER TABLE s.line ALTER COLUMN stock_code varchar(20) COLLATE Latin1_General_100_BIN2 NOT NULL;
                """);
        Files.writeString(mssql.resolve("views.sql"), """
                CREATE OR ALTER VIEW k.product_line
                AS
                WITH p (code, label) AS (
                    SELECT stock_code, description FROM s.product
                )
                SELECT l.stock_code,
                       p.code AS product_code,
                       CAST(p.label AS varchar(200)) AS label,
                       CONVERT(nvarchar(20), l.line_id) AS line_text,
                       CAST(p.code AS int) AS code_number,
                       UPPER(p.label) AS shouted,
                       'fixed' AS literal
                FROM s.line AS l
                INNER JOIN p ON p.code = l.stock_code;
                GO
                CREATE OR ALTER VIEW k.on_top AS SELECT x.product_code FROM k.product_line AS x WHERE x.code_number > 0;
                GO
                """);
        TsqlSchema tsql = TsqlSchema.read(mssql);

        assertEquals("s.line.stock_code: Latin1_General_100_BIN2", tsql.origin("k", "product_line", "stock_code").describe());
        assertEquals("s.product.stock_code: Latin1_General_100_BIN2", tsql.origin("k", "product_line", "product_code").describe());
        assertEquals("s.product.description: the database's default collation", tsql.origin("k", "product_line", "label").describe());
        assertEquals("s.line.line_id: the database's default collation", tsql.origin("k", "product_line", "line_text").describe());
        assertEquals("s.product.stock_code: not text", tsql.origin("k", "product_line", "code_number").describe());
        assertEquals("k.product_line (a string literal): the database's default collation", tsql.origin("k", "product_line", "literal").describe());
        assertEquals("k.product_line.product_code < s.product.stock_code: Latin1_General_100_BIN2",
                tsql.origin("k", "on_top", "product_code").describe());
        TsqlSchema.UntraceableException e = assertThrows(TsqlSchema.UntraceableException.class,
                () -> tsql.origin("k", "product_line", "shouted"));
        assertEquals("k.product_line: an expression, UPPER ( p . label )", e.getMessage());
    }
}
