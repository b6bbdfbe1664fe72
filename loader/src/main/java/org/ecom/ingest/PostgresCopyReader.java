package org.ecom.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/** Reads staged rows with PostgreSQL's COPY TO STDOUT, in its text format, one row at a time. */
final class PostgresCopyReader implements StagingReader {

    /** The raw columns, in the order {@link #line} reads them; the date in a fixed form whatever DateStyle says. */
    private static final String LINE_COLUMNS = "line_number, invoice, stock_code, description, quantity,"
            + " to_char(invoice_date, 'YYYY-MM-DD HH24:MI:SS'), price, customer_id, country";

    private final CopyManager copyManager;

    PostgresCopyReader(Connection connection) throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public Lines lines(long batchId) throws SQLException {
        CopyOut copy = copyManager.copyOut("COPY (SELECT " + LINE_COLUMNS + " FROM staging.retail_line WHERE batch_id = "
                + batchId + ") TO STDOUT");
        return new PulledLines(batchId) {
            @Override
            RetailLine pull() throws SQLException {
                byte[] row = copy.isActive() ? copy.readFromCopy() : null;
                if (row == null) {
                    return null;
                }
                List<String> f = fields(row);
                return new RetailLine(Long.parseLong(f.get(0)), f.get(1), f.get(2), f.get(3), Integer.parseInt(f.get(4)),
                        LineParser.parseDate(f.get(5)), LineParser.priceThousandths(f.get(6)),
                        f.get(7) == null ? null : Integer.valueOf(f.get(7)), f.get(8));
            }

            @Override
            public void close() throws SQLException {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        };
    }

    @Override
    public List<RejectedLine> rejections(long batchId) throws SQLException {
        CopyOut copy = copyManager.copyOut("COPY (SELECT line_number, raw_text, reason FROM staging.rejected_line"
                + " WHERE batch_id = " + batchId + " ORDER BY line_number) TO STDOUT");
        List<RejectedLine> rejections = new ArrayList<>();
        for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
            List<String> f = fields(row);
            rejections.add(new RejectedLine(Long.parseLong(f.get(0)), f.get(1), f.get(2)));
        }
        return rejections;
    }

    /**
     * One row of COPY text format: fields split on tabs (a tab in a value is written {@code \t}),
     * {@code \N} as null, backslash escapes undone.
     */
    static List<String> fields(byte[] row) {
        String text = new String(row, StandardCharsets.UTF_8);
        int end = text.endsWith("\n") ? text.length() - 1 : text.length();
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || text.charAt(i) == '\t') {
                String value = text.substring(start, i);
                fields.add(value.equals("\\N") ? null : unescape(value));
                start = i + 1;
            }
        }
        return fields;
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char code = value.charAt(++i);
            out.append(switch (code) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> '\u000b';
                default -> code;
            });
        }
        return out.toString();
    }
}
