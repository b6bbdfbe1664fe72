package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.pipeline.Pipeline;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The loader end to end on a real database: formats, rejections, idempotence, all-or-nothing. */
@DatabaseTest
class LoaderTest {

    private static final String HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";

    @TempDir
    Path dir;

    /**
     * The older UCI header, a BOM, US dates, a quoted description spanning two lines, one with a tab,
     * a backslash and characters beyond ASCII, and three unreadable rows: every row is accounted
     * for, the rejected ones with line number and reason.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void everyRowIsLoadedOrRejectedWithItsLineNumber(ContractEngines.Engine engine) throws Exception {
        Path file = write("uci.csv", "\uFEFFInvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom\n" // 2
                + "536365,71053,\"WHITE METAL, \"\"LANTERN\"\"\nSECOND LINE\",6,12/1/2010 8:26,3.39,17850,United Kingdom\n" // 3-4
                + "536366,22633,HAND WARMER UNION JACK,six,12/1/2010 8:28,1.85,17850,United Kingdom\n" // 5: quantity
                + "536367,84879,ASSORTED BIRDS,32,12/1/2010 8:34,1.69,13047,United Kingdom,extra\n" // 6: 9 fields
                + "536368,22960,JAM MAKING SET,6,31/12/2010 8:34,4.25,13047,United Kingdom\n" // 7: month 31
                + "C536379,D,Discount\t\u20ac5 \\ caf\u00e9 \ud83d\ude00,-1,12/1/2010 9:41,27.50,14527.0,United Kingdom\n"); // 8
        DatabaseTarget target = engine.freshDatabase();

        Pipeline.FileResult result = new Pipeline(target).run(file);

        assertEquals(6, result.governance().rowsRead());
        assertEquals(3, result.governance().rowsLoaded());
        assertEquals(3, result.governance().rowsRejected());
        assertEquals(2, result.governance().cleanRows());
        assertEquals(1, result.governance().cancellationRows());
        try (Connection c = target.connect()) {
            assertEquals(List.of(
                    "5|Quantity is not a whole number: 'six'",
                    "6|expected 8 fields but found 9",
                    "7|InvoiceDate is not a date: '31/12/2010 8:34'"),
                    rows(c, "SELECT line_number, reason FROM staging.rejected_line ORDER BY line_number"));
            assertEquals(List.of("536368,22960,JAM MAKING SET,6,31/12/2010 8:34,4.25,13047,United Kingdom"),
                    rows(c, "SELECT raw_text FROM staging.rejected_line WHERE line_number = 7"));
            assertEquals(List.of("2|2010-12-01T08:26|17850", "3|2010-12-01T08:26|17850", "8|2010-12-01T09:41|14527"),
                    rows(c, "SELECT line_number, invoice_date, customer_id FROM staging.retail_line ORDER BY line_number"));
            assertEquals(List.of("WHITE METAL, \"LANTERN\"\nSECOND LINE"),
                    rows(c, "SELECT description FROM staging.retail_line WHERE line_number = 3"));
            assertEquals(List.of("Discount\t\u20ac5 \\ caf\u00e9 \ud83d\ude00|27.500"),
                    rows(c, "SELECT description, price FROM staging.retail_line WHERE line_number = 8"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void theSameFileTwiceAddsNothing(ContractEngines.Engine engine) throws Exception {
        Path file = write("twice.csv", HEADER + "\n489434,85048,LIGHT,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n");
        DatabaseTarget target = engine.freshDatabase();
        Pipeline.FileResult first = new Pipeline(target).run(file);
        Path copy = Files.copy(file, dir.resolve("renamed.csv"));
        Pipeline.FileResult second = new Pipeline(target).run(copy);

        assertEquals(first.batchId(), second.batchId());
        assertTrue(second.alreadyLoaded());
        try (Connection c = target.connect()) {
            assertEquals(List.of("1"), rows(c, "SELECT COUNT(*) FROM staging.load_batch"));
            assertEquals(List.of("1"), rows(c, "SELECT COUNT(*) FROM sales.invoice_line"));
        }
    }

    /**
     * The original workbook format, both sheets: rows 2-4 of the first sheet load (one clean, one
     * without customer, one with a negative quantity), row 5 is too short and is rejected, and the
     * second sheet adds a cancellation.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aWorkbookLoadsEverySheet(ContractEngines.Engine engine) throws Exception {
        Path file = XlsxRecordSourceTest.retailWorkbook(dir, XlsxRecordSourceTest.HEADER);
        DatabaseTarget target = engine.freshDatabase();

        Pipeline.FileResult result = new Pipeline(target).run(file);

        assertEquals(5, result.governance().rowsRead());
        assertEquals(1, result.governance().rowsRejected());
        assertEquals(1, result.governance().missingCustomerRows());
        assertEquals(1, result.governance().cancellationRows());
        assertEquals(1, result.governance().cleanRows());
        assertEquals(0, new java.math.BigDecimal("83.40").compareTo(result.governance().cleanRevenue()));
        try (Connection c = target.connect()) {
            assertEquals(List.of("xlsx"), rows(c, "SELECT file_format FROM staging.load_batch"));
            assertEquals(List.of("5"), rows(c, "SELECT line_number FROM staging.rejected_line"));
        }
    }

    /** Files that are not this data: one clear line naming the file, and the database as it was. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aFileThatIsNotThisDataChangesNothing(ContractEngines.Engine engine) throws Exception {
        DatabaseTarget target = engine.freshDatabase();
        StringBuilder many = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            many.append("5").append(100000 + i).append(",85048,LIGHT,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n");
        }
        byte[] gzipped = gzip(many.toString());
        List<Path> bad = List.of(
                write("wrong_header.csv", "id,name,price\n1,a,2.0\n"),
                Files.write(dir.resolve("binary.csv"), new byte[] {0, 1, 2, (byte) 0xff, 13, 10, 0, 7}),
                write("empty.csv", ""),
                write("header_only.csv", HEADER + "\n"),
                write("all_unreadable.csv", HEADER + "\nx,y,z\n1,2\n"),
                Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(gzipped, gzipped.length * 2 / 3)),
                Files.write(dir.resolve("not_gzip_inside.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 0, 0}),
                Files.write(dir.resolve("not_a_workbook.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0}));
        for (Path file : bad) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> new Pipeline(target).run(file),
                    file.getFileName().toString());
            assertTrue(e.getMessage().startsWith(file + ": "), "the path first: " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        try (Connection c = target.connect()) {
            for (String table : List.of("staging.load_batch", "staging.retail_line", "staging.rejected_line",
                    "quality.batch_governance", "sales.invoice_line")) {
                assertEquals(List.of("0"), rows(c, "SELECT COUNT(*) FROM " + table), table);
            }
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Each row's columns joined by '|'. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                Object value = r.getObject(i);
                // Timestamps print differently per driver: compare them as LocalDateTime.
                row.append(i > 1 ? "|" : "").append(value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
