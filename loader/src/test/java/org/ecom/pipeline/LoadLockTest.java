package org.ecom.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Dialect;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The load lock on both engines: a second load waits, says so, and goes on once the first commits. */
@DatabaseTest
class LoadLockTest {

    /** PostgreSQL always; the T-SQL engine's database as it is (the lock needs no objects). */
    static Stream<DatabaseTarget> engines() {
        List<DatabaseTarget> targets = new ArrayList<>(List.of(ContractEngines.freshPostgres()));
        String tsql = System.getenv(ContractEngines.MSSQL_URL_VARIABLE);
        if (tsql != null && !tsql.isBlank()) {
            targets.add(DatabaseTarget.of(tsql));
        }
        return targets.stream();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aSecondLoadWaitsForTheFirstToCommit(DatabaseTarget target) throws Exception {
        Dialect dialect = target.dialect();
        List<String> said = new CopyOnWriteArrayList<>();
        try (Handle first = target.jdbi().open(); Handle second = target.jdbi().open()) {
            first.begin();
            LoadLock.Held firstLock = LoadLock.acquire(first, dialect, "the load of big.csv", Pipeline.Listener.QUIET);

            CompletableFuture<LoadLock.Held> waiting = CompletableFuture.supplyAsync(() -> {
                second.begin();
                return LoadLock.acquire(second, dialect, "the load of small.csv", listener(said));
            });
            Thread.sleep(1_000);
            if (waiting.isDone()) {
                waiting.join(); // rethrows what the second load met
            }
            assertFalse(waiting.isDone(), "the second load waits while the first holds the lock");
            String expected = dialect == Dialect.POSTGRESQL
                    ? "waiting for the load of big.csv (server process "
                    : "waiting for another load into this database to finish";
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).startsWith(expected), said.get(0));

            first.commit();
            firstLock.close();
            LoadLock.Held secondLock = waiting.get(30, TimeUnit.SECONDS);
            second.rollback();
            secondLock.close();
        }
    }

    private static Pipeline.Listener listener(List<String> said) {
        return new Pipeline.Listener() {
            public LongConsumer rowsRead(Path file) {
                return rows -> { };
            }

            public void stageStarted(String stage) {
            }

            public void fileDone(Pipeline.FileResult result) {
            }

            @Override
            public void waiting(String message) {
                said.add(message);
            }
        };
    }
}
