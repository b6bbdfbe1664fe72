package org.ecom.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams every sheet of an XLSX workbook (the UCI "Online Retail" and "Online Retail II" files)
 * in workbook order, one row at a time: only the shared strings table and the current row are in
 * memory.
 *
 * <p>The first row of the first sheet is the header; each later sheet must start with the same
 * header (compared case-insensitively), which is skipped. Line numbers run over all sheets,
 * headers and blank rows included, so for a one-sheet workbook they are the Excel row numbers.
 */
public final class XlsxRecordSource implements RecordSource {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    /** Serial 1 is 1900-01-01; from serial 61 on, one day less because Excel counts a 1900-02-29. */
    private static final LocalDateTime EPOCH_1900 = LocalDateTime.of(1899, 12, 30, 0, 0);
    private static final LocalDateTime EPOCH_1900_BEFORE_MARCH = EPOCH_1900.plusDays(1);
    private static final BigDecimal FIRST_SERIAL_AFTER_FAKE_LEAP_DAY = BigDecimal.valueOf(61);
    private static final LocalDateTime EPOCH_1904 = LocalDateTime.of(1904, 1, 1, 0, 0);
    /** Excel shows at most 15 significant digits; its XML may hold 17 (2.55 as 2.5499999999999998). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    /** Built-in number formats that are dates or times (ECMA-376 part 1, 18.8.30). */
    private static final Set<Integer> BUILT_IN_DATE_FORMATS =
            Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47);
    /** In a custom format, quoted literals, escaped characters and [colour] sections say nothing of dates. */
    private static final Pattern NOT_A_CODE = Pattern.compile("\"[^\"]*\"|\\\\.|\\[[^]]*]");
    private static final Pattern DATE_CODE = Pattern.compile("[ymdhs]", Pattern.CASE_INSENSITIVE);

    private final Path file;
    private final ReadableWorkbook workbook;
    private final List<Sheet> sheets;
    private final List<String> header;
    /** Whether each number format met is a date format, worked out once per format. */
    private final Map<Integer, Boolean> dateFormats = new HashMap<>();

    private int sheetIndex = -1;
    private Stream<Row> rowStream;
    private Iterator<Row> rows;
    /** Rows of the sheets already finished, so that line numbers run on over sheets. */
    private long previousSheetsRows;
    /** Excel row number of the last row read in the current sheet. */
    private int lastRowNum;

    private XlsxRecordSource(Path file, ReadableWorkbook workbook) {
        this.file = file;
        this.workbook = workbook;
        this.sheets = workbook.getSheets().toList();
        if (sheets.isEmpty()) {
            throw new InputFormatException(file + ": the workbook has no sheet");
        }
        openNextSheet();
        Row first = nextNonBlankRow();
        if (first == null) {
            throw new InputFormatException(file + ": sheet '" + sheets.get(0).getName() + "' is empty: no header row");
        }
        this.header = headerFields(first);
    }

    /**
     * Opens the workbook and reads its header.
     *
     * @throws InputFormatException if the file is not a readable workbook or has no header row
     * @throws IOException if the file is missing or cannot be read
     */
    public static XlsxRecordSource open(Path file) throws IOException {
        ReadableWorkbook workbook;
        try {
            // With cell formats, so that date-formatted numbers can be told from plain ones.
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (FileSystemException e) {
            throw e; // a missing or unreadable file is not a format problem
        } catch (ExcelReaderException | IOException e) {
            throw new InputFormatException(file + ": not a readable XLSX workbook: " + reason(e), e);
        }
        try {
            return new XlsxRecordSource(file, workbook);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRecord next() throws IOException {
        while (rows != null) {
            Row row = nextNonBlankRow();
            if (row == null) {
                if (openNextSheet()) {
                    Row sheetHeader = nextNonBlankRow();
                    if (sheetHeader != null) {
                        checkHeader(sheetHeader);
                    }
                }
                continue;
            }
            List<String> fields = fields(row);
            while (fields.size() < header.size()) {
                fields.add("");
            }
            // Formatted but empty cells past the last column are not data.
            while (fields.size() > header.size() && fields.get(fields.size() - 1).isEmpty()) {
                fields.remove(fields.size() - 1);
            }
            String sheetName = sheets.get(sheetIndex).getName();
            return new SourceRecord(previousSheetsRows + row.getRowNum(), List.copyOf(fields),
                    sheetName + "!" + row.getRowNum() + ": ");
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        Stream<Row> sheet = rowStream;
        try (workbook; sheet) {
            rowStream = null;
        }
    }

    /** Closes the current sheet, if any, and opens the next; false when there is none. */
    private boolean openNextSheet() {
        if (rowStream != null) {
            try {
                rowStream.close();
            } catch (UncheckedIOException e) {
                throw failure(e);
            }
            previousSheetsRows += lastRowNum;
        }
        rowStream = null;
        rows = null;
        lastRowNum = 0;
        if (++sheetIndex >= sheets.size()) {
            return false;
        }
        try {
            rowStream = sheets.get(sheetIndex).openStream();
        } catch (IOException | ExcelReaderException e) {
            throw failure(e);
        }
        rows = rowStream.iterator();
        return true;
    }

    /** The next row of the current sheet that has a non-empty cell, or null at the sheet's end. */
    private Row nextNonBlankRow() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                lastRowNum = row.getRowNum();
                if (!isBlank(row)) {
                    return row;
                }
            }
            return null;
        } catch (ExcelReaderException | UncheckedIOException e) {
            throw failure(e);
        }
    }

    private InputFormatException failure(Exception e) {
        String where = lastRowNum == 0 ? "" : " after row " + lastRowNum;
        return new InputFormatException(
                file + ": sheet '" + sheets.get(sheetIndex).getName() + "'" + where + ": " + reason(e), e);
    }

    private static String reason(Throwable e) {
        // The reader wraps the zip or XML parser's error, whose message says what is wrong.
        String message = e.getClass().getSimpleName();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    private void checkHeader(Row row) {
        List<String> found = headerFields(row);
        boolean same = found.size() == header.size();
        for (int i = 0; same && i < header.size(); i++) {
            same = header.get(i).equalsIgnoreCase(found.get(i));
        }
        if (!same) {
            throw new InputFormatException(file + ": sheet '" + sheets.get(sheetIndex).getName() + "' row "
                    + row.getRowNum() + ": header differs from the first sheet's: " + found + " instead of " + header);
        }
    }

    /** The trimmed header cells, without the empty ones Excel may leave after the last column. */
    private List<String> headerFields(Row row) {
        List<String> fields = new ArrayList<>();
        for (String field : fields(row)) {
            fields.add(field.trim());
        }
        while (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1);
        }
        return fields;
    }

    private List<String> fields(Row row) {
        List<String> fields = new ArrayList<>(Math.max(row.getCellCount(), 8));
        for (int i = 0; i < row.getCellCount(); i++) {
            fields.add(text(row.getCell(i)));
        }
        return fields;
    }

    private static boolean isBlank(Row row) {
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell != null && !cell.getText().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        // A formula's cached result is a BigDecimal when numeric, else its text.
        if (cell.getValue() instanceof BigDecimal number) {
            return isDateFormat(cell) ? dateTime(number) : plain(number);
        }
        return switch (cell.getType()) {
            case BOOLEAN -> Boolean.TRUE.equals(cell.getValue()) ? "TRUE" : "FALSE";
            default -> cell.getText();
        };
    }

    private static String plain(BigDecimal number) {
        return number.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    /** Excel serial date to date and time, rounded to the second. */
    private String dateTime(BigDecimal serial) {
        long seconds = serial.multiply(SECONDS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        LocalDateTime epoch = workbook.isDate1904() ? EPOCH_1904
                : serial.compareTo(FIRST_SERIAL_AFTER_FAKE_LEAP_DAY) < 0 ? EPOCH_1900_BEFORE_MARCH : EPOCH_1900;
        return epoch.plusSeconds(seconds).format(DATE_TIME);
    }

    private boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        return id != null && dateFormats.computeIfAbsent(id, key -> BUILT_IN_DATE_FORMATS.contains(key)
                || cell.getDataFormatString() != null
                && DATE_CODE.matcher(NOT_A_CODE.matcher(cell.getDataFormatString()).replaceAll("")).find());
    }

}
