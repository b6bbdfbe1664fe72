package org.ecom.ml.sidecar;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.Dialect;
import org.ecom.ml.ModelReport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * One pass of the sidecar over a database: take the sidecar lock, read the training inputs, then
 * for each model start a run, train, and write its rows and its success in one transaction. A
 * model that fails marks its run failed and leaves the previous scores current; the others go on.
 * A stop request (SIGTERM) lets a write in progress finish and ends the pass before the next model.
 */
public final class Sidecar {

    private final DatabaseTarget target;
    private final SidecarSettings settings;
    private final List<ModelJob<?>> jobs;
    private final Consumer<String> progress;
    private final RetryPolicy<Object> retry;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final ReentrantLock passInProgress = new ReentrantLock();

    public Sidecar(DatabaseTarget target, SidecarSettings settings, List<ModelJob<?>> jobs, Consumer<String> progress) {
        this.target = target;
        this.settings = settings;
        this.jobs = jobs.stream().filter(job -> settings.models().contains(job.kind())).toList();
        this.progress = progress;
        this.retry = TransientErrors.retryPolicy(settings.maxRetries(), settings.firstRetryDelay(), progress);
    }

    public SidecarReport runOnce() throws SQLException, InterruptedException {
        passInProgress.lock();
        try (SidecarLock lock = SidecarLock.acquire(target, settings.lockWait())) {
            int abandoned = retrying(() -> target.jdbi().withHandle(RunLedger::failAbandoned));
            if (abandoned > 0) {
                progress.accept(abandoned + " run(s) left 'running' by a sidecar that was killed or crashed: marked failed");
            }
            progress.accept("reading training data");
            TrainingInputs inputs = retrying(this::readInputs);
            progress.accept("data as of " + inputs.asOfDate() + ": " + inputs.rfm().size() + " customers, "
                    + inputs.orders().size() + " invoices, " + inputs.purchases().size() + " customer-product-days");
            List<ModelOutcome> outcomes = new ArrayList<>();
            for (ModelJob<?> job : jobs) {
                if (stopRequested.get()) {
                    break;
                }
                outcomes.add(run(job, inputs));
            }
            retrying(this::prune);
            return new SidecarReport(inputs.asOfDate(), outcomes, stopRequested.get());
        } finally {
            passInProgress.unlock();
        }
    }

    /** Asks a pass to end after the write in progress (from a shutdown hook or another thread). */
    public void requestStop() {
        stopRequested.set(true);
    }

    public boolean stopRequested() {
        return stopRequested.get();
    }

    /** Waits until no pass is running, or the timeout passes; true if none is. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (passInProgress.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            passInProgress.unlock();
            return true;
        }
        return false;
    }

    private TrainingInputs readInputs() {
        try (Handle handle = target.jdbi().open()) {
            // One snapshot for all the reads on PostgreSQL. On SQL Server REPEATABLE READ would hold
            // shared locks against a concurrent load; the reads there see committed data read by read.
            if (target.dialect() == Dialect.POSTGRESQL) {
                handle.setTransactionIsolationLevel(TransactionIsolationLevel.REPEATABLE_READ);
            }
            handle.setReadOnly(true);
            return handle.inTransaction(inTransaction -> TrainingInputs.read(inTransaction, settings.asOf()));
        }
    }

    private <R extends ModelReport> ModelOutcome run(ModelJob<R> job, TrainingInputs inputs) {
        long start = System.nanoTime();
        String name = job.kind().storedName();
        long runId = -1;
        try {
            runId = retrying(() -> startRun(job, inputs));
            progress.accept(name + ": training (run " + runId + ")");
            R result = job.train(inputs, progress);
            if (stopRequested.get()) {
                throw new IllegalStateException("stopped before writing (the sidecar was asked to stop)");
            }
            long id = runId;
            retrying(() -> write(job, result, id));
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            progress.accept(name + ": written (run " + runId + ", " + elapsed + " ms) " + job.headline(result));
            return new ModelOutcome(job.kind(), runId, true, job.headline(result), elapsed, null);
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            progress.accept(name + ": FAILED: " + error);
            if (runId >= 0) {
                markFailed(runId, error);
            }
            return new ModelOutcome(job.kind(), runId, false, Map.of(), (System.nanoTime() - start) / 1_000_000, error);
        }
    }

    private long startRun(ModelJob<?> job, TrainingInputs inputs) {
        return target.jdbi().withHandle(handle -> RunLedger.start(handle, job.kind(), inputs.asOfDate(), job.fingerprint(inputs)));
    }

    /** The rows and the run's success commit together, or neither does. */
    private <R extends ModelReport> Void write(ModelJob<R> job, R result, long runId) throws SQLException {
        target.jdbi().useTransaction(handle -> {
            job.write(result, runId, handle);
            RunLedger.succeed(handle, runId, result);
        });
        return null;
    }

    private void markFailed(long runId, String error) {
        try {
            retrying(() -> {
                target.jdbi().useHandle(handle -> RunLedger.fail(handle, runId, error));
                return null;
            });
        } catch (Exception e) {
            // The run stays 'running': never current, and pruned with the old runs later.
            progress.accept("could not mark run " + runId + " failed: " + e.getMessage());
        }
    }

    private Void prune() {
        target.jdbi().useHandle(handle -> handle.execute(target.dialect().callStatement("ml.prune_runs", 1), settings.keepRuns()));
        return null;
    }

    private <T> T retrying(CheckedSupplier<T> work) throws SQLException {
        try {
            return Failsafe.with(retry).get(work);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }
}
