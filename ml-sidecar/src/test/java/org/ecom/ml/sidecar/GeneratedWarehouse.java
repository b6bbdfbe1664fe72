package org.ecom.ml.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.pipeline.Pipeline;

/** A PostgreSQL database holding a generated two-year file, loaded once for the sidecar tests. */
public final class GeneratedWarehouse {

    static final long ROWS = 30_000;
    private static DatabaseTarget database;

    private GeneratedWarehouse() {
    }

    public static synchronized DatabaseTarget database() throws Exception {
        if (database == null) {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sidecar-tests"));
            Path file = dir.resolve("generated.csv");
            new RetailDataGenerator(new GeneratorSettings(ROWS, 7)).write(file);
            DatabaseTarget target = ContractEngines.freshPostgres();
            new Pipeline(target).run(file);
            database = target;
        }
        return database;
    }

    /** The database with no model run in it (the runs' rows go with them). */
    public static DatabaseTarget withoutRuns() throws Exception {
        DatabaseTarget target = database();
        target.jdbi().useHandle(handle -> handle.execute("DELETE FROM ml.model_run"));
        return target;
    }
}
