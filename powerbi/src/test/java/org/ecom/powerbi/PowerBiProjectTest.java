package org.ecom.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Power BI project (powerbi/) against a freshly deployed, empty embedded PostgreSQL: a view or
 * column renamed in SQL, a misspelt DAX reference or a visual on a field the model lacks fails the
 * build here rather than in Power BI Desktop.
 */
@DatabaseTest
class PowerBiProjectTest {

    private static Connection database;

    @BeforeAll
    static void deploy() throws SQLException {
        database = ContractEngines.freshPostgres().connect();
    }

    @Test
    void everyTableColumnMeasureAndVisualFieldExists() throws Exception {
        List<Problem> problems = PowerBiProject.check(TestProject.folder(), TestProject.tsqlFolder(), database);
        assertEquals("", problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void theModelHasTheTablesThePagesNeed() throws Exception {
        SemanticModel model = SemanticModel.read(TestProject.folder().resolve("Ecom.SemanticModel"));
        assertTrue(model.tables().size() >= 15, "tables: " + model.tables().size());
        for (TmdlNode table : model.tables()) {
            for (TmdlNode measure : table.children("measure")) {
                assertTrue(measure.property("formatString").isPresent(), measure.location() + " has no formatString");
                assertTrue(measure.property("displayFolder").isPresent(), measure.location() + " has no displayFolder");
                assertTrue(!measure.description().isEmpty(), measure.location() + " has no /// description");
            }
        }
        assertEquals(List.of("Regional manager"), model.roles().stream().map(TmdlNode::name).toList());
    }

    @Test
    void aRenameOrTypoIsReportedWithFileAndLine(@TempDir Path copy) throws Exception {
        TestProject.copyTo(copy);
        Path sales = copy.resolve("Ecom.SemanticModel/definition/tables/Sales.tmdl");
        List<String> lines = Files.readAllLines(sales, StandardCharsets.UTF_8);
        int measureLine = lines.indexOf("\tmeasure Revenue = SUM('Sales'[revenue])") + 1;
        int sourceLine = lines.indexOf("\t\tsourceColumn: quantity") + 1;
        Files.writeString(sales, Files.readString(sales)
                .replace("SUM('Sales'[revenue])", "SUM('Sales'[revenu])")
                .replace("sourceColumn: quantity", "sourceColumn: quantities"));
        Path card = copy.resolve("Ecom.Report/definition/pages/executive_home/visuals/card_orders/visual.json");
        Files.writeString(card, Files.readString(card).replace("\"Property\": \"Orders\"", "\"Property\": \"Order count\""));
        Path pages = copy.resolve("Ecom.Report/definition/pages/pages.json");
        Files.writeString(pages, Files.readString(pages).replace("]", ""));

        List<String> problems = PowerBiProject.check(copy, TestProject.tsqlFolder(), database).stream().map(Problem::toString).toList();

        String all = String.join("\n", problems);
        assertTrue(all.contains(sales + ":" + measureLine + ": measure 'Revenue' refers to unknown column or measure 'Sales'[revenu]"), all);
        // The column is declared four lines above its sourceColumn (dataType, formatString, summarizeBy between).
        assertTrue(all.contains(sales + ":" + (sourceLine - 4) + ": column 'Sales'[quantity]: kpi.customer_month_sales has no column quantities"), all);
        assertTrue(all.contains(card + ":"), all);
        assertTrue(all.contains("uses unknown measure 'Sales'[Order count]"), all);
        assertTrue(all.contains(pages + ":") && all.contains("not valid JSON"), all);
        assertEquals(4, problems.size(), all);
    }
}
