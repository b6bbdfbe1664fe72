package org.ecom.ml.sidecar;

import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import org.ecom.ml.ModelKind;
import org.ecom.ml.ModelReport;
import org.jdbi.v3.core.Handle;

/**
 * One model as the sidecar runs it: train on the inputs, then write the result's rows for a run.
 * The sidecar owns the run's bookkeeping (ml.model_run) and the transaction around {@link #write}.
 */
public interface ModelJob<R extends ModelReport> {

    ModelKind kind();

    /** The SHA-256 of the inputs this model reads, stored with the run. */
    String fingerprint(TrainingInputs inputs);

    R train(TrainingInputs inputs, Consumer<String> progress) throws Exception;

    /** Inserts the result's rows for the run, inside the caller's transaction. */
    void write(R result, long runId, Handle handle) throws SQLException;

    /** The few figures the run summary shows for this model (snake_case keys). */
    Map<String, Object> headline(R result);
}
