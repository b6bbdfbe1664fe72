package org.ecom.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecom.cli.DailyLoadEquality;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real file loaded as its history then its last 4 days one file a day (one of them late, and
 * a cancellation days after its sale), each file a load of its own with its anomaly detection, ends
 * in the state of the whole file loaded at once: every mart table, every kpi and analysis view and
 * every anomaly, to the cent.
 */
@Tag("real-data")
class RealDataDailyLoadTest {

    @TempDir
    Path dir;

    @Test
    void theRealFileLoadedDayByDayEndsAsLoadedWhole() throws Exception {
        List<Path> files = DailyLoadEquality.split(RealData.file(), Files.createDirectory(dir.resolve("days")), 4);
        DatabaseTarget daily = ContractEngines.freshPostgres();
        DailyLoadEquality.loadOneByOne(daily, files);

        Map<String, List<String>> expected = DailyLoadEquality.state(RealData.database());
        Map<String, List<String>> actual = DailyLoadEquality.state(daily);
        assertEquals(List.of(), DailyLoadEquality.differences(expected, actual), "daily files against the whole");
    }
}
