package org.ecom.ml.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ecom.ml.data.MonthRevenue;

/**
 * The run of whole, consecutive months a forecast is fitted on. Partial months at either end are set
 * aside, not scaled up: the real data stops on 9 December 2011, and that month's revenue is not a
 * ninth-of-a-month sample of a whole one (the pre-Christmas weeks are not like the rest). The
 * forecast starts the month after the last whole month, so the partial month is forecast as a whole
 * month beside its partial actual. A partial month between whole ones means the data has a hole and
 * is refused.
 *
 * @param first   the first whole month
 * @param revenue revenue of each whole month from {@code first} on
 * @param setAside the partial months left out
 */
record WholeMonths(LocalDate first, double[] revenue, List<MonthRevenue> setAside) {

    static WholeMonths of(List<MonthRevenue> months) {
        for (int i = 1; i < months.size(); i++) {
            if (!months.get(i).monthStart().equals(months.get(i - 1).monthStart().plusMonths(1))) {
                throw new IllegalArgumentException("months must be consecutive: " + months.get(i - 1).monthStart()
                        + " is followed by " + months.get(i).monthStart());
            }
        }
        int from = 0;
        int to = months.size();
        List<MonthRevenue> setAside = new ArrayList<>();
        while (from < to && months.get(from).partial()) {
            setAside.add(months.get(from++));
        }
        while (to > from && months.get(to - 1).partial()) {
            setAside.add(months.get(--to));
        }
        List<MonthRevenue> whole = months.subList(from, to);
        if (whole.isEmpty()) {
            throw new IllegalArgumentException("no whole months to forecast from");
        }
        if (whole.stream().anyMatch(MonthRevenue::partial)) {
            throw new IllegalArgumentException("a partial month between whole months: the data has a hole");
        }
        return new WholeMonths(whole.get(0).monthStart(), whole.stream().mapToDouble(MonthRevenue::revenue).toArray(),
                List.copyOf(setAside));
    }

    LocalDate month(int index) {
        return first.plusMonths(index);
    }

    LocalDate last() {
        return month(revenue.length - 1);
    }
}
