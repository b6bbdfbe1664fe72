package org.ecom.ml.forecast;

import java.util.ArrayList;
import java.util.List;

/** The shape of a Holt-Winters model: how the trend and the yearly season enter the forecast. */
public record HoltWintersForm(Trend trend, Seasonality seasonality) {

    public enum Trend {
        /** Level only: sensible when two seasons are too few to tell a trend from noise. */
        NONE("N"),
        /** A straight-line trend carried on for ever. */
        LINEAR("A"),
        /** A trend that fades out (factor phi per month), the usual compromise for short series. */
        DAMPED("Ad");

        private final String code;

        Trend(String code) {
            this.code = code;
        }
    }

    public enum Seasonality {
        /** The season adds a fixed amount to each month. */
        ADDITIVE("A"),
        /** The season scales each month by a factor. */
        MULTIPLICATIVE("M");

        private final String code;

        Seasonality(String code) {
            this.code = code;
        }
    }

    /** Every form, simplest first (a backtest tie keeps the simpler one). */
    public static List<HoltWintersForm> all() {
        List<HoltWintersForm> forms = new ArrayList<>();
        for (Trend trend : Trend.values()) {
            for (Seasonality seasonality : Seasonality.values()) {
                forms.add(new HoltWintersForm(trend, seasonality));
            }
        }
        return forms;
    }

    /** ETS notation with additive errors, e.g. "ETS(A,Ad,M)". */
    public String label() {
        return "ETS(A," + trend.code + "," + seasonality.code + ")";
    }
}
