package org.ecom.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/** Writes staging rows with PostgreSQL's COPY, in its text format, in chunks of about 256 KB. */
final class PostgresCopyWriter implements StagingWriter {

    private static final int FLUSH_AT = 1 << 18;

    private final CopyManager copyManager;

    PostgresCopyWriter(Connection connection) throws SQLException {
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    /**
     * Parsing and formatting run on a thread of their own while this one feeds the socket, so the
     * server never waits for the parser nor the parser for the network.
     */
    @Override
    public long writeLines(long batchId, Iterator<RetailLine> lines) throws SQLException {
        BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
        AtomicReference<RuntimeException> producerFailure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                formatLines(batchId, lines, chunks);
            } catch (RuntimeException e) {
                producerFailure.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    chunks.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the consumer gave up and stopped us
                }
            }
        }, "copy-formatter");
        producer.setDaemon(true);
        CopyIn copy = copyManager.copyIn("COPY staging.retail_line (batch_id, line_number, invoice, stock_code,"
                + " description, quantity, invoice_date, price, customer_id, country) FROM STDIN");
        producer.start();
        try {
            for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                copy.writeToCopy(chunk, 0, chunk.length);
            }
            producer.join();
            if (producerFailure.get() != null) {
                throw producerFailure.get();
            }
            return copy.endCopy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading", e);
        } finally {
            producer.interrupt();
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** An empty chunk that marks the end of the lines. */
    private static final byte[] END = new byte[0];

    private static void formatLines(long batchId, Iterator<RetailLine> lines, BlockingQueue<byte[]> chunks)
            throws InterruptedException {
        StringBuilder chunk = new StringBuilder(FLUSH_AT + 1024);
        String batch = Long.toString(batchId);
        while (lines.hasNext()) {
            RetailLine l = lines.next();
            chunk.append(batch).append('\t').append(l.lineNumber()).append('\t');
            text(chunk, l.invoice()).append('\t');
            text(chunk, l.stockCode()).append('\t');
            text(chunk, l.description()).append('\t');
            chunk.append(l.quantity()).append('\t');
            timestamp(chunk, l.invoiceDate()).append('\t');
            chunk.append(l.price().toPlainString()).append('\t');
            if (l.customerId() == null) {
                chunk.append("\\N");
            } else {
                chunk.append(l.customerId().intValue());
            }
            chunk.append('\t');
            text(chunk, l.country()).append('\n');
            if (chunk.length() >= FLUSH_AT) {
                chunks.put(utf8(chunk));
            }
        }
        if (chunk.length() > 0) {
            chunks.put(utf8(chunk));
        }
    }

    private static byte[] utf8(StringBuilder chunk) {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        chunk.setLength(0);
        return bytes;
    }

    @Override
    public void writeRejections(long batchId, List<RejectedLine> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        CopyIn copy = copyManager.copyIn("COPY staging.rejected_line (batch_id, line_number, raw_text, reason) FROM STDIN");
        try {
            StringBuilder chunk = new StringBuilder();
            for (RejectedLine r : rejections) {
                chunk.append(batchId).append('\t').append(r.lineNumber()).append('\t');
                text(chunk, r.rawText()).append('\t');
                text(chunk, r.reason()).append('\n');
                if (chunk.length() >= FLUSH_AT) {
                    flush(copy, chunk);
                }
            }
            flush(copy, chunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = utf8(chunk);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** COPY text format: NULL is \N; backslash, tab and line breaks are escaped. */
    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static StringBuilder timestamp(StringBuilder out, LocalDateTime t) {
        out.append(t.getYear()).append('-');
        twoDigits(out, t.getMonthValue()).append('-');
        twoDigits(out, t.getDayOfMonth()).append(' ');
        twoDigits(out, t.getHour()).append(':');
        twoDigits(out, t.getMinute()).append(':');
        return twoDigits(out, t.getSecond());
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
