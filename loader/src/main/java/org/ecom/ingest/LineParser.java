package org.ecom.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Reads one source record as a {@link RetailLine}, or says in a few words why it cannot. It types
 * values and checks they fit the staging columns; it does not judge them (a negative quantity or a
 * missing customer is data, for the governance procedures to count).
 */
public final class LineParser {

    /** Column widths of staging.retail_line. */
    static final int MAX_CODE = 20;
    static final int MAX_DESCRIPTION = 200;
    static final int MAX_COUNTRY = 60;
    /** staging.retail_line.price is numeric(12,3): below 10^9. */
    private static final BigDecimal PRICE_LIMIT = BigDecimal.valueOf(1_000_000_000);

    private final ColumnLayout layout;
    /** The lines of one invoice share their date: the last one read is kept, and not parsed again. */
    private String lastDateText = "";
    private LocalDateTime lastDate;

    public LineParser(ColumnLayout layout) {
        this.layout = layout;
    }

    /** The outcome of parsing one record: exactly one of line and rejection is set. */
    public record Result(RetailLine line, RejectedLine rejection) {
    }

    public Result parse(SourceRecord record) {
        try {
            return new Result(read(record), null);
        } catch (BadValue e) {
            return new Result(null, new RejectedLine(record.lineNumber(), record.rawText(), e.getMessage()));
        }
    }

    private RetailLine read(SourceRecord record) {
        List<String> f = record.fields();
        if (f.size() != layout.width()) {
            throw new BadValue("expected " + layout.width() + " fields but found " + f.size());
        }
        String invoice = required(f.get(layout.invoice()), "Invoice", MAX_CODE);
        String stockCode = required(f.get(layout.stockCode()), "StockCode", MAX_CODE);
        String description = f.get(layout.description());
        if (description.length() > MAX_DESCRIPTION) {
            throw new BadValue("Description longer than " + MAX_DESCRIPTION + " characters");
        }
        int quantity = wholeNumber(f.get(layout.quantity()), "Quantity");
        LocalDateTime invoiceDate = invoiceDate(f.get(layout.invoiceDate()));
        long priceThousandths = priceThousandths(f.get(layout.price()));
        String customerText = f.get(layout.customerId()).strip();
        Integer customerId = customerText.isEmpty() ? null : wholeNumber(customerText, "Customer ID");
        String country = required(f.get(layout.country()), "Country", MAX_COUNTRY);
        return new RetailLine(record.lineNumber(), invoice, stockCode, description.isEmpty() ? null : description,
                quantity, invoiceDate, priceThousandths, customerId, country);
    }

    private static String required(String value, String column, int maxLength) {
        if (value.isBlank()) {
            throw new BadValue(column + " is empty");
        }
        if (value.length() > maxLength) {
            throw new BadValue(column + " longer than " + maxLength + " characters");
        }
        return value;
    }

    /** A whole number, also when written like {@code 13085.0} (as Customer ID is in the source). */
    static int wholeNumber(String text, String column) {
        String s = text.strip();
        int end = s.length();
        int dot = s.indexOf('.');
        if (dot >= 0) {
            for (int i = dot + 1; i < s.length(); i++) {
                if (s.charAt(i) != '0') {
                    throw new BadValue(column + " is not a whole number: '" + text + "'");
                }
            }
            end = dot;
        }
        try {
            return Integer.parseInt(s, 0, end, 10);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new BadValue(column + " is not a whole number: '" + text + "'");
        }
    }

    /**
     * The price in thousandths. The usual form, {@code [-]digits[.digits]} with at most 9 digits
     * before the point and 3 after, is read by hand, as this runs once per row; anything else
     * (such as {@code 1E+2}, {@code 2.5500} or a bad value) goes through BigDecimal.
     */
    static long priceThousandths(String text) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        int start = negative ? 1 : 0;
        int dot = s.indexOf('.');
        int integerDigits = (dot < 0 ? s.length() : dot) - start;
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        if (integerDigits < 1 || integerDigits > 9 || decimals > 3) {
            return priceThousandthsOf(text);
        }
        long value = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == dot) {
                continue;
            }
            if (c < '0' || c > '9') {
                return priceThousandthsOf(text);
            }
            value = value * 10 + (c - '0');
        }
        for (int scale = decimals; scale < 3; scale++) {
            value *= 10;
        }
        return negative ? -value : value;
    }

    private static long priceThousandthsOf(String text) {
        BigDecimal price;
        try {
            price = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadValue("Price is not a number: '" + text + "'");
        }
        if (price.abs().compareTo(PRICE_LIMIT) >= 0) {
            throw new BadValue("Price out of range: '" + text + "'");
        }
        try {
            return price.setScale(3).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadValue("Price has more than 3 decimal places: '" + text + "'");
        }
    }

    private LocalDateTime invoiceDate(String text) {
        if (!text.equals(lastDateText)) {
            lastDate = parseDate(text);
            lastDateText = text;
        }
        return lastDate;
    }

    /**
     * {@code YYYY-MM-DD HH:MM[:SS]} (Online Retail II) or {@code M/D/YYYY H:MM[:SS]} (the older UCI
     * CSV exports). Parsed by hand: it runs once per row, and a formatter per pattern is slower.
     */
    static LocalDateTime parseDate(String text) {
        String s = text.strip();
        try {
            int space = s.indexOf(' ');
            if (space < 0) {
                throw new BadValue("InvoiceDate has no time: '" + text + "'");
            }
            int year;
            int month;
            int day;
            if (s.charAt(4) == '-') {
                year = Integer.parseInt(s, 0, 4, 10);
                month = Integer.parseInt(s, 5, 7, 10);
                day = Integer.parseInt(s, 8, space, 10);
            } else {
                int slash1 = s.indexOf('/');
                int slash2 = s.indexOf('/', slash1 + 1);
                if (slash1 < 0 || slash2 < 0 || slash2 > space) {
                    throw new BadValue("InvoiceDate is not a date: '" + text + "'");
                }
                month = Integer.parseInt(s, 0, slash1, 10);
                day = Integer.parseInt(s, slash1 + 1, slash2, 10);
                year = Integer.parseInt(s, slash2 + 1, space, 10);
                if (year < 1000) {
                    throw new BadValue("InvoiceDate year must have four digits: '" + text + "'");
                }
            }
            int colon1 = s.indexOf(':', space);
            int colon2 = s.indexOf(':', colon1 + 1);
            int hour = Integer.parseInt(s, space + 1, colon1, 10);
            int minute = Integer.parseInt(s, colon1 + 1, colon2 < 0 ? s.length() : colon2, 10);
            int second = colon2 < 0 ? 0 : Integer.parseInt(s, colon2 + 1, s.length(), 10);
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (NumberFormatException | IndexOutOfBoundsException | DateTimeException e) {
            throw new BadValue("InvoiceDate is not a date: '" + text + "'");
        }
    }

    /** A value that does not fit; the message becomes the rejection reason. */
    static final class BadValue extends RuntimeException {
        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }
}
