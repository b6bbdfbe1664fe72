package org.ecom.ml.sidecar;

import java.util.List;
import org.ecom.ml.forecast.ForecastConfig;
import org.ecom.ml.forecast.ForecastJob;
import org.ecom.ml.segment.SegmentationConfig;
import org.ecom.ml.segment.SegmentsJob;

/** The models a sidecar pass runs, in order, each with its default configuration for a seed. */
public final class SidecarJobs {

    private SidecarJobs() {
    }

    public static List<ModelJob<?>> standard(long seed) {
        return List.of(
                new ForecastJob(ForecastConfig.defaults(seed)),
                new SegmentsJob(SegmentationConfig.defaults(seed)));
    }
}
