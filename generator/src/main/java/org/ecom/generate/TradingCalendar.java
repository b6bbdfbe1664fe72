package org.ecom.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Maps progress through the file (0 to 1) to an invoice timestamp between 2009-12-01 and
 * 2011-12-09, so invoices come out in time order, as in the real file, without knowing in advance
 * how many there will be. Each day gets rows in proportion to its weight: a September-November peak,
 * quieter January-April, no trading on Saturdays or over Christmas (24 December - 3 January), a
 * lighter Sunday; within a day, business hours 07:00-19:59 peaking around noon. Seconds are always
 * 00, as in the real data.
 */
final class TradingCalendar {
    static final LocalDate FIRST_DAY = LocalDate.of(2009, 12, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2011, 12, 9);

    /** January to December. */
    private static final double[] MONTH_WEIGHT = {
        0.75, 0.7, 0.85, 0.75, 0.85, 0.85, 0.85, 0.9, 1.25, 1.45, 1.75, 1.1,
    };
    /** Relative activity for the hours 07 to 19. */
    private static final double[] HOUR_WEIGHT = {
        0.3, 1.5, 3.0, 5.0, 6.0, 7.5, 6.5, 5.5, 4.5, 2.5, 1.0, 0.5, 0.3,
    };
    private static final int FIRST_HOUR = 7;

    private final String[] dayText;
    private final double[] dayCumulative;
    private final double[] dayWeight;
    private final double[] minuteCumulative;
    private final String[] minuteText = new String[24 * 60];

    TradingCalendar() {
        int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
        dayText = new String[days];
        dayCumulative = new double[days];
        dayWeight = new double[days];
        double running = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            dayText[d] = day + " ";
            dayWeight[d] = weight(day);
            running += dayWeight[d];
            dayCumulative[d] = running;
        }
        for (int d = 0; d < days; d++) {
            dayCumulative[d] /= running;
            dayWeight[d] /= running;
        }
        minuteCumulative = new double[HOUR_WEIGHT.length * 60];
        double minutes = 0;
        for (int m = 0; m < minuteCumulative.length; m++) {
            minutes += HOUR_WEIGHT[m / 60];
            minuteCumulative[m] = minutes;
        }
        for (int m = 0; m < minuteCumulative.length; m++) {
            minuteCumulative[m] /= minutes;
        }
        for (int m = 0; m < minuteText.length; m++) {
            minuteText[m] = String.format("%02d:%02d:00", m / 60, m % 60);
        }
    }

    private static double weight(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return 0;
        }
        boolean christmas = (day.getMonthValue() == 12 && day.getDayOfMonth() >= 24)
                || (day.getMonthValue() == 1 && day.getDayOfMonth() <= 3);
        if (christmas) {
            return 0;
        }
        double weekday = day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.6 : 1.0;
        return MONTH_WEIGHT[day.getMonthValue() - 1] * weekday;
    }

    /** Day index (from 2009-12-01) times 1440 plus minute of day, for a progress in [0, 1). */
    int minuteAt(double progress) {
        int day = Countries.search(dayCumulative, progress);
        double before = day == 0 ? 0 : dayCumulative[day - 1];
        double withinDay = Math.min(0.999999, Math.max(0, (progress - before) / dayWeight[day]));
        int minute = FIRST_HOUR * 60 + Countries.search(minuteCumulative, withinDay);
        return day * 1440 + minute;
    }

    /** The timestamp text ({@code yyyy-MM-dd HH:mm:ss}) of a value from {@link #minuteAt}. */
    String text(int dayMinute) {
        return dayText[dayMinute / 1440].concat(minuteText[dayMinute % 1440]);
    }
}
