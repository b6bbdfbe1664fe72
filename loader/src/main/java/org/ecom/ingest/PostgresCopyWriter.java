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
        CopyText chunk = new CopyText(FLUSH_AT + 4096);
        byte[] batch = Long.toString(batchId).getBytes(StandardCharsets.US_ASCII);
        while (lines.hasNext()) {
            RetailLine l = lines.next();
            chunk.ascii(batch).tab().number(l.lineNumber()).tab();
            chunk.text(l.invoice()).tab();
            chunk.text(l.stockCode()).tab();
            chunk.text(l.description()).tab();
            chunk.number(l.quantity()).tab();
            chunk.timestamp(l.invoiceDate()).tab();
            chunk.thousandths(l.priceThousandths()).tab();
            if (l.customerId() == null) {
                chunk.nullValue();
            } else {
                chunk.number(l.customerId());
            }
            chunk.tab().text(l.country()).newLine();
            if (chunk.length() >= FLUSH_AT) {
                chunks.put(chunk.take());
            }
        }
        if (chunk.length() > 0) {
            chunks.put(chunk.take());
        }
    }

    @Override
    public void writeRejections(long batchId, List<RejectedLine> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        CopyIn copy = copyManager.copyIn("COPY staging.rejected_line (batch_id, line_number, raw_text, reason) FROM STDIN");
        try {
            CopyText chunk = new CopyText(FLUSH_AT + 4096);
            for (RejectedLine r : rejections) {
                chunk.number(batchId).tab().number(r.lineNumber()).tab();
                chunk.text(r.rawText()).tab().text(r.reason()).newLine();
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

    private static void flush(CopyIn copy, CopyText chunk) throws SQLException {
        byte[] bytes = chunk.take();
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
