package org.ecom.tsqlt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The GO splitter that sends tSQLt.class.sql and the test classes batch by batch. */
class SqlBatchesTest {

    private static List<String> sql(String script) {
        return SqlBatches.split(script).stream().map(b -> b.sql().strip()).toList();
    }

    @Test
    void aLineThatIsGoEndsABatchInAnyCaseAndWithBlanksAround() {
        assertEquals(List.of("SELECT 1;", "SELECT 2;", "SELECT 3;", "SELECT 4;"),
                sql("SELECT 1;\nGO\nSELECT 2;\n  go   \nSELECT 3;\r\nGo\t\r\nSELECT 4;\n"));
    }

    @Test
    void theLastBatchNeedsNoGoAndEmptyOrCommentOnlyBatchesAreDropped() {
        assertEquals(List.of("SELECT 1;", "SELECT 2;"),
                sql("GO\n\nSELECT 1;\nGO\nGO\n-- only a comment\n/* and another */\nGO\nSELECT 2;"));
        assertEquals(List.of(), sql(""));
    }

    @Test
    void goInsideAStringLiteralDoesNotSplit() {
        String script = "INSERT INTO t VALUES (N'first line\nGO\nit''s still the string');\nGO\nSELECT 2;";
        assertEquals(List.of("INSERT INTO t VALUES (N'first line\nGO\nit''s still the string');", "SELECT 2;"), sql(script));
    }

    @Test
    void goInsideCommentsAndQuotedIdentifiersDoesNotSplit() {
        String script = String.join("\n",
                "/* a block comment",
                "GO",
                "/* nested",
                "GO",
                "*/ still inside",
                "GO",
                "*/",
                "SELECT [odd",
                "GO",
                "name]]] FROM \"quoted",
                "GO",
                "\"; -- a line comment mentioning GO",
                "GO",
                "SELECT 2;");
        List<String> batches = sql(script);
        assertEquals(2, batches.size(), batches.toString());
        assertEquals("SELECT 2;", batches.get(1));
        assertEquals(script.substring(0, script.lastIndexOf("\nGO\n")).strip(), batches.get(0));
    }

    @Test
    void linesThatOnlyStartWithGoDoNotSplit() {
        String script = "WHILE 1 = 1\nGOTO done\nGO;\nGO 5\nGOING\ndone:\nSELECT 1;";
        assertEquals(List.of(script), sql(script));
    }

    @Test
    void eachBatchKnowsTheLineItStartsOn() {
        List<SqlBatches.Batch> batches = SqlBatches.split("\uFEFFSELECT 1;\nGO\n\n/* c\n*/\nSELECT 2;\nGO\nSELECT\n'x\ny';\nGO\nSELECT 4;");
        assertEquals(List.of(1, 3, 8, 12), batches.stream().map(SqlBatches.Batch::firstLine).toList());
        assertEquals("SELECT 1;\n", batches.get(0).sql());
    }
}
