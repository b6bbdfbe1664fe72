package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks shaped like the UCI "Online Retail II" file, written here with fastexcel's writer. */
class XlsxRecordSourceTest {

    static final List<String> HEADER = List.of(
            "Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country");
    private static final String EXCEL_DATE = "m/d/yyyy h:mm";

    @TempDir
    Path dir;

    /** Sheet 1: data rows 2-5, blank rows 6-7. Sheet 2: its header (other case), one row. */
    private Path retailWorkbook(List<String> secondHeader) throws IOException {
        return retailWorkbook(dir, secondHeader);
    }

    /** Two sheets: data rows 2-5 and blank rows 6-7, then a header and one row. */
    static Path retailWorkbook(Path dir, List<String> secondHeader) throws IOException {
        Path file = dir.resolve("online_retail_II.xlsx");
        try (OutputStream out = Files.newOutputStream(file); Workbook wb = new Workbook(out, "ecom-test", "1.0")) {
            Worksheet first = wb.newWorksheet("Year 2009-2010");
            header(first, HEADER);
            row(first, 1, "489434", 85048, "15CM CHRISTMAS GLASS BALL 20 LIGHTS", 12,
                    LocalDateTime.of(2009, 12, 1, 7, 45), 6.95, 13085.0, "United Kingdom");
            // No Customer ID cell at all; a comma in the description.
            row(first, 2, "489435", "22350", "CAT BOWL, SMALL", 4,
                    LocalDateTime.of(2009, 12, 1, 7, 46, 30), 2.55, null, "United Kingdom");
            // A serial date 0.08 s short of 08:26:00; Excel's 17-digit form of 2.55; quotes, non-ASCII.
            row(first, 3, "489436", "79323P", "CRÈME \"BRÛLÉE\" ÉTÉ – 玩具", -1,
                    new BigDecimal("40513.351388"), new BigDecimal("2.5499999999999998"), 12345, "France");
            // Shorter than the header.
            row(first, 4, "489437", "22112");
            // Trailing blank rows: an empty string cell, and a cell with only a format.
            first.value(5, 0, "");
            first.style(6, 2).format(EXCEL_DATE).set();

            Worksheet second = wb.newWorksheet("Year 2010-2011");
            header(second, secondHeader);
            row(second, 1, "C539992", "DOT", "DOTCOM POSTAGE", -1,
                    LocalDateTime.of(2010, 12, 23, 16, 6, 0), 0.0, 17841, "United Kingdom");
        }
        return file;
    }

    private static void header(Worksheet sheet, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            sheet.value(0, c, names.get(c));
        }
    }

    private static void row(Worksheet sheet, int r, Object... cells) {
        for (int c = 0; c < cells.length; c++) {
            Object cell = cells[c];
            if (cell instanceof String s) {
                sheet.value(r, c, s);
            } else if (cell instanceof Number n) {
                sheet.value(r, c, n);
            } else if (cell instanceof LocalDateTime t) {
                sheet.value(r, c, t);
            }
            if (c == 4) {
                sheet.style(r, c).format(EXCEL_DATE).set();
            }
        }
    }

    @Test
    void readsEverySheetWithTheSourceConventions() throws IOException {
        Path file = retailWorkbook(List.of(" invoice", "STOCKCODE", "Description", "Quantity", "InvoiceDate",
                "Price", "customer id ", "Country"));
        try (XlsxRecordSource source = XlsxRecordSource.open(file)) {
            assertEquals(HEADER, source.header());

            SourceRecord r2 = source.next();
            assertEquals(2, r2.lineNumber());
            assertEquals(List.of("489434", "85048", "15CM CHRISTMAS GLASS BALL 20 LIGHTS", "12",
                    "2009-12-01 07:45:00", "6.95", "13085", "United Kingdom"), r2.fields());
            assertEquals("Year 2009-2010!2: 489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,"
                    + "2009-12-01 07:45:00,6.95,13085,United Kingdom", r2.rawText());

            SourceRecord r3 = source.next();
            assertEquals(3, r3.lineNumber());
            assertEquals(List.of("489435", "22350", "CAT BOWL, SMALL", "4", "2009-12-01 07:46:30", "2.55", "",
                    "United Kingdom"), r3.fields());
            assertEquals("Year 2009-2010!3: 489435,22350,\"CAT BOWL, SMALL\",4,2009-12-01 07:46:30,2.55,,"
                    + "United Kingdom", r3.rawText());

            SourceRecord r4 = source.next();
            assertEquals(4, r4.lineNumber());
            assertEquals(List.of("489436", "79323P", "CRÈME \"BRÛLÉE\" ÉTÉ – 玩具", "-1", "2010-12-01 08:26:00",
                    "2.55", "12345", "France"), r4.fields());
            assertEquals("Year 2009-2010!4: 489436,79323P,\"CRÈME \"\"BRÛLÉE\"\" ÉTÉ – 玩具\",-1,"
                    + "2010-12-01 08:26:00,2.55,12345,France", r4.rawText());

            SourceRecord r5 = source.next();
            assertEquals(5, r5.lineNumber());
            assertEquals(List.of("489437", "22112", "", "", "", "", "", ""), r5.fields());
            assertEquals("Year 2009-2010!5: 489437,22112,,,,,,", r5.rawText());

            // Sheet 1 ends at row 7 (blank rows 6 and 7), sheet 2's header is line 8.
            SourceRecord next = source.next();
            assertEquals(9, next.lineNumber());
            assertEquals(List.of("C539992", "DOT", "DOTCOM POSTAGE", "-1", "2010-12-23 16:06:00", "0", "17841",
                    "United Kingdom"), next.fields());
            assertEquals("Year 2010-2011!2: C539992,DOT,DOTCOM POSTAGE,-1,2010-12-23 16:06:00,0,17841,"
                    + "United Kingdom", next.rawText());

            assertNull(source.next());
            assertNull(source.next());
        }
    }

    @Test
    void aSecondSheetWithAnotherHeaderFails() throws IOException {
        Path file = retailWorkbook(List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate",
                "UnitPrice", "CustomerID", "Country"));
        try (XlsxRecordSource source = XlsxRecordSource.open(file)) {
            for (int i = 0; i < 4; i++) {
                source.next();
            }
            InputFormatException e = assertThrows(InputFormatException.class, source::next);
            assertTrue(e.getMessage().startsWith(
                    file + ": sheet 'Year 2010-2011' row 1: header differs from the first sheet's: "), e.getMessage());
        }
    }

    @Test
    void aZipThatIsNotAWorkbookFails() throws IOException {
        Path file = dir.resolve("not-a-workbook.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("online_retail.csv"));
            zip.write("Invoice,StockCode\n".getBytes());
        }
        assertNotReadable(file);
    }

    @Test
    void aTruncatedFileFails() throws IOException {
        Path whole = retailWorkbook(HEADER);
        byte[] bytes = Files.readAllBytes(whole);
        Path file = dir.resolve("truncated.xlsx");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertNotReadable(file);
    }

    @Test
    void aCorruptSheetFailsWhereItIsRead() throws IOException {
        Path whole = retailWorkbook(HEADER);
        Path file = dir.resolve("corrupt-sheet.xlsx");
        try (ZipFile in = new ZipFile(whole.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet2.xml")) {
                    content = Arrays.copyOf(content, content.length / 2);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
            }
        }
        try (XlsxRecordSource source = XlsxRecordSource.open(file)) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> {
                while (source.next() != null) {
                    // read on until the damaged sheet
                }
            });
            assertTrue(e.getMessage().startsWith(file + ": sheet 'Year 2010-2011'"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    private static void assertNotReadable(Path file) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> XlsxRecordSource.open(file));
        assertTrue(e.getMessage().startsWith(file + ": not a readable XLSX workbook: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
