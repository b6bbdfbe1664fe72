package org.ecom.cli;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * What the commands say while they work. Results go to stdout; status and progress to stderr, so
 * that stdout stays clean for redirection. On a terminal progress rewrites one line; elsewhere
 * (CI, a log file) it prints a plain line every few seconds.
 */
final class Console {

    private static final boolean TERMINAL = System.console() != null;
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private Console() {
    }

    static void status(String message) {
        System.err.println("ecom: " + message);
    }

    static String count(long n) {
        return COUNT.format(n);
    }

    /** Reports rows read from a file now and then; close it when the reading is over. */
    static final class RowProgress implements LongConsumer, AutoCloseable {
        private final String what;
        private final long start = System.nanoTime();
        /** Every half second on a terminal, every 5 s in a log; -Decom.progressMillis overrides. */
        private final long intervalNanos = Long.getLong("ecom.progressMillis", TERMINAL ? 500L : 5_000L) * 1_000_000;
        private long lastShown = start;
        private boolean shown;

        RowProgress(String what) {
            this.what = what;
        }

        @Override
        public void accept(long rows) {
            long now = System.nanoTime();
            if (now - lastShown < intervalNanos) {
                return;
            }
            lastShown = now;
            shown = true;
            String line = "ecom: " + what + ": " + count(rows) + " rows ("
                    + count(Math.round(rows / ((now - start) / 1e9))) + " rows/s)";
            if (TERMINAL) {
                System.err.print("\r" + line + "   ");
            } else {
                System.err.println(line);
            }
        }

        @Override
        public void close() {
            if (TERMINAL && shown) {
                System.err.println();
            }
        }
    }
}
