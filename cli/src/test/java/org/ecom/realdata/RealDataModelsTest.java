package org.ecom.realdata;

import static org.ecom.db.Rows.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.ecom.db.DatabaseTarget;
import org.ecom.ml.ModelKind;
import org.ecom.ml.sidecar.Sidecar;
import org.ecom.ml.sidecar.SidecarJobs;
import org.ecom.ml.sidecar.SidecarReport;
import org.ecom.ml.sidecar.SidecarSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A standard sidecar pass on the real file (loaded once for the RealData* tests) meets the
 * issue's targets, as docs/ml.md reports them: repurchase test ROC-AUC of 0.80 or more, HR@10 of
 * at least 1.5x popularity, every customer segmented and scored. Skipped, loudly, without the file.
 */
@Tag("real-data")
class RealDataModelsTest {

    @Test
    void theModelsMeetTheirTargetsOnTheRealData() throws Exception {
        DatabaseTarget target = RealData.database();
        SidecarSettings settings = new SidecarSettings(List.of(ModelKind.values()), 3, Duration.ZERO, 1, Duration.ofSeconds(1), Optional.empty());

        SidecarReport report = new Sidecar(target, settings, SidecarJobs.standard(42, Path.of("target", "djl-cache")),
                line -> { }).runOnce();

        assertTrue(report.allSucceeded(), report.toString());
        assertEquals(LocalDate.of(2011, 12, 10), report.asOfDate(), "the day after the last sale, 9 December 2011");
        Map<String, Object> figures = report.headline();
        assertEquals(4, figures.get("segments"));
        double auc = (Double) figures.get("repurchase_test_auc");
        assertTrue(auc >= 0.80 && auc < 0.90, "test AUC " + auc + " (0.80 or more; near-perfect would mean leakage)");
        // Four rolling origins (docs/ml.md: 0.823 on the mean; the 0.825 is not reached).
        double meanAuc = (Double) figures.get("repurchase_mean_auc");
        assertTrue(meanAuc >= 0.82 && meanAuc < 0.90, "mean test AUC over the rolling origins " + meanAuc);
        double hr10 = (Double) figures.get("recommendation_hr10");
        double popularity = (Double) figures.get("popularity_hr10");
        assertTrue(hr10 >= 1.5 * popularity, "HR@10 " + hr10 + " against popularity " + popularity);
        // Implicit ALS on the test window (docs/ml.md: 0.415; the 0.46 is not reached).
        assertEquals("implicit_als", figures.get("recommendation_model"));
        assertTrue(hr10 >= 0.40, "test HR@10 " + hr10);
        // The written forecast is never worse than seasonal naive on the 15-point backtest (4.53 %);
        // its intervals, sized by errors known at each origin, cover 85-100 % of it (docs/ml.md).
        double forecastMape = (Double) figures.get("forecast_mape");
        double naiveMape = (Double) figures.get("seasonal_naive_mape");
        assertTrue(forecastMape <= naiveMape && forecastMape <= 4.53, "forecast MAPE " + forecastMape + " against " + naiveMape);
        double coverage = (Double) figures.get("forecast_interval_coverage");
        assertTrue(coverage >= 0.85 && coverage <= 1, "interval coverage " + coverage);

        assertEquals(5_878, number(target, "SELECT COUNT(*) FROM ml.current_customer_segment"));
        assertEquals(5_878, number(target, "SELECT COUNT(*) FROM ml.current_repurchase_score"));
        assertEquals(3 * 5_878, number(target, "SELECT COUNT(*) FROM ml.current_repurchase_reason"));
        assertEquals(101, number(target, "SELECT COUNT(*) FROM ml.current_repurchase_profit_curve"));
        long inCampaign = number(target, "SELECT COUNT(*) FROM ml.current_repurchase_score WHERE in_campaign");
        assertTrue(inCampaign > 0 && inCampaign < 5_878, inCampaign + " customers in the campaign");
        // 26 customers bought nothing but postage, fees or the like: nothing to recommend from.
        assertEquals(58_520, number(target, "SELECT COUNT(*) FROM ml.current_product_recommendation"));
        assertEquals(0, number(target, "SELECT COUNT(*) FROM ml.current_product_recommendation AS r"
                + " JOIN sales.product_class AS k ON k.stock_code = r.stock_code WHERE k.product_category <> 'product'"),
                "recommends only products (no POST, M, fees, vouchers, samples)");
        // December 2011 is partial: forecast as a whole month, beside its partial actual.
        assertEquals(1, number(target, "SELECT COUNT(*) FROM kpi.revenue_actual_vs_forecast"
                + " WHERE month_start = '2011-12-01' AND is_partial AND forecast IS NOT NULL"));
    }
}
