package org.ecom.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmdlReaderTest {

    private static final Path FILE = Path.of("Sales.tmdl");

    @Test
    void readsObjectsPropertiesFlagsDescriptionsAndMultiLineExpressions() {
        List<TmdlNode> roots = TmdlReader.read(FILE, List.of(
                "table Sales",
                "",
                "\t/// Revenue per invoice.",
                "\tmeasure 'Average order value' = DIVIDE([Revenue], [Orders])",
                "\t\tformatString: £#,0.00",
                "",
                "\tmeasure Growth =",
                "\t\t\tVAR x = [Revenue]",
                "",
                "\t\t\tRETURN x",
                "\t\tdisplayFolder: Sales\\Growth",
                "",
                "\tcolumn customer_id",
                "\t\tdataType: int64",
                "\t\tisHidden",
                "",
                "\tpartition Sales = m",
                "\t\tmode: directQuery",
                "\t\tsource =",
                "\t\t\t\tlet",
                "\t\t\t\t    Source = Sql.Database(Server, Database)",
                "\t\t\t\tin",
                "\t\t\t\t    Source"));

        TmdlNode table = roots.get(0);
        assertEquals("Sales", table.name());
        TmdlNode aov = table.children("measure").get(0);
        assertEquals("Average order value", aov.name());
        assertEquals("DIVIDE([Revenue], [Orders])", aov.expression());
        assertEquals(4, aov.expressionLine());
        assertEquals("Revenue per invoice.", aov.description());
        assertEquals("£#,0.00", aov.property("formatString").orElseThrow());
        TmdlNode growth = table.children("measure").get(1);
        assertEquals("VAR x = [Revenue]\n\nRETURN x", growth.expression());
        assertEquals(8, growth.expressionLine());
        assertEquals("Sales\\Growth", growth.property("displayFolder").orElseThrow());
        TmdlNode column = table.children("column").get(0);
        assertEquals("true", column.property("isHidden").orElseThrow());
        assertEquals(13, column.line());
        TmdlNode partition = table.children("partition").get(0);
        assertEquals("let\n    Source = Sql.Database(Server, Database)\nin\n    Source", partition.property("source").orElseThrow());
    }

    @Test
    void quotedNamesMayHoldQuotesAndEquals() {
        TmdlNode node = TmdlReader.read(FILE, List.of("table 'It''s = odd'")).get(0);
        assertEquals("It's = odd", node.name());
    }

    @Test
    void aPropertyOutsideAnObjectIsAnErrorWithItsLine() {
        TmdlException e = assertThrows(TmdlException.class, () -> TmdlReader.read(FILE, List.of("table T", "\t\tdataType: int64")));
        assertEquals("Sales.tmdl:2: property outside an object: dataType: int64", e.getMessage());
    }
}
