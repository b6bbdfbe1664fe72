package org.ecom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.ecom.generate.GeneratorSettings;
import org.ecom.generate.RetailDataGenerator;
import org.ecom.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated data set loaded as daily files, one by one (each file's summaries refreshed for the
 * keys it touched, anomalies detected over what it added), ends in the same state as the same rows
 * loaded at once: every mart table, every kpi and analysis view and every anomaly, to the cent. One file arrives out of date order, and a cancellation
 * days after its sale (see {@link DailyLoadEquality#split}).
 */
@DatabaseTest
class IncrementalLoadEqualityTest {

    private static final int DAYS = 25;

    @TempDir
    Path dir;

    @Test
    void dailyFilesLoadedOneByOneEndAsTheWholeLoadedAtOnce() throws Exception {
        Path whole = dir.resolve("whole.csv");
        new RetailDataGenerator(new GeneratorSettings(30_000, 16)).write(whole);
        Path days = Files.createDirectory(dir.resolve("days"));
        List<Path> files = DailyLoadEquality.split(whole, days, DAYS);
        assertEquals(DAYS + 2, files.size(), "history, the days, the late cancellation: " + files);

        DatabaseTarget atOnce = ContractEngines.freshPostgres();
        new Pipeline(atOnce).run(whole);
        DatabaseTarget daily = ContractEngines.freshPostgres();
        DailyLoadEquality.loadOneByOne(daily, files);

        Map<String, List<String>> expected = DailyLoadEquality.state(atOnce);
        Map<String, List<String>> actual = DailyLoadEquality.state(daily);
        assertTrue(expected.get("mart.product_pair").size() > 10, "product pairs to compare");
        assertTrue(expected.get("quality.anomaly").size() > 10, "anomalies to compare");
        assertTrue(expected.size() >= 30, "fewer relations than the mart tables, kpi and analysis views: " + expected.keySet());
        assertEquals(List.of(), DailyLoadEquality.differences(expected, actual), "daily files against the whole");
    }
}
