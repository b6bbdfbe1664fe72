package org.ecom.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C (SIGINT) and SIGTERM: the JVM runs this hook while the command's thread goes on. The
 * hook cancels the statement the database is running for the command, waits for the command to
 * roll back and unwind (which stops an embedded server this process started), says so on one
 * line, and exits 130.
 */
final class Interruption {

    /** Exit code of a command stopped by a signal (128 + SIGINT), as shells report it. */
    static final int EXIT_CODE = 130;
    private static final long UNWIND_SECONDS = 60;

    private static final CountDownLatch finished = new CountDownLatch(1);
    private static volatile BooleanSupplier cancel = () -> false;
    private static volatile boolean requested;

    private Interruption() {
    }

    /** Installs the hook, once per process (the ecom entry point). */
    static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(Interruption::onSignal, "ecom-interrupt"));
    }

    /**
     * What to cancel if interrupted now: it returns whether a batch's transaction was open (and
     * so is rolled back).
     */
    static void cancelWith(BooleanSupplier canceller) {
        cancel = canceller;
    }

    /** Whether a signal stopped the command: its failure is then the cancel, not an error to print. */
    static boolean requested() {
        return requested;
    }

    /** The command has returned: a shutdown now is the normal exit. */
    static void commandFinished() {
        finished.countDown();
    }

    private static void onSignal() {
        if (finished.getCount() == 0) {
            return;
        }
        requested = true;
        boolean rolledBack = cancel.getAsBoolean();
        boolean unwound;
        try {
            unwound = finished.await(UNWIND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            unwound = false;
        }
        System.err.println(!rolledBack ? "ecom: interrupted"
                : unwound ? "ecom: interrupted: batch rolled back, nothing changed"
                : "ecom: interrupted: the database is still rolling the batch back; nothing of it is kept");
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
