package org.ecom.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads (and so decompresses) an input stream on a thread of its own, a few 64 KB blocks ahead of
 * the reader: gunzip then runs beside the CSV parser instead of before it.
 */
final class ReadAheadInputStream extends InputStream {

    private static final int BLOCK = 1 << 16;
    private static final byte[] END = new byte[0];

    private final InputStream source;
    private final BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(8);
    private final Thread reader;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    ReadAheadInputStream(InputStream source) {
        this.source = source;
        this.reader = new Thread(this::readAll, "read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        try {
            while (true) {
                byte[] block = source.readNBytes(BLOCK);
                if (block.length == 0) {
                    blocks.put(END);
                    return;
                }
                blocks.put(block);
            }
        } catch (IOException | RuntimeException e) {
            try {
                blocks.put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed by the consumer
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length && !nextBlock()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean nextBlock() throws IOException {
        if (ended) {
            return false;
        }
        Object next;
        try {
            next = blocks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
        if (next instanceof IOException e) {
            throw e;
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        current = (byte[]) next;
        position = 0;
        ended = current == END;
        return !ended;
    }

    @Override
    public void close() throws IOException {
        reader.interrupt();
        source.close();
    }
}
