package org.ecom.ml.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void nextRunIsTheFirstMatchingMinuteAfterNow() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 21, 7, 30, 0, 0, ZoneOffset.UTC);
        assertEquals(now.withHour(3).withMinute(0).plusDays(1), CronSchedule.parse("0 3 * * *").next(now));
        assertEquals(now.withMinute(45), CronSchedule.parse("*/15 * * * *").next(now));
        // 23 November 2026 is a Monday.
        assertEquals(ZonedDateTime.of(2026, 11, 23, 6, 0, 0, 0, ZoneOffset.UTC), CronSchedule.parse("0 6 * * 1").next(now));
    }

    @Test
    void aMalformedExpressionIsExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("0 3 * *"));
        assertTrue(e.getMessage().startsWith("invalid cron expression '0 3 * *' (want five fields"), e.getMessage());
    }
}
