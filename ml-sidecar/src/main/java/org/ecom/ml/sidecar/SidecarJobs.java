package org.ecom.ml.sidecar;

import java.nio.file.Path;
import java.util.List;
import org.ecom.ml.forecast.ForecastConfig;
import org.ecom.ml.recommend.RecommendationConfig;
import org.ecom.ml.repurchase.RepurchaseConfig;
import org.ecom.ml.segment.SegmentationConfig;

/** The models a sidecar pass runs, in order, each with its default configuration for a seed. */
public final class SidecarJobs {

    private SidecarJobs() {
    }

    /** djlCache: where DJL keeps the PyTorch native library it extracts from its jar (about 430 MB). */
    public static List<ModelJob<?>> standard(long seed, Path djlCache) {
        return List.of(
                new ForecastJob(ForecastConfig.defaults()),
                new SegmentationJob(SegmentationConfig.defaults(seed)),
                new RepurchaseJob(RepurchaseConfig.defaults(seed)),
                new RecommendationJob(RecommendationConfig.defaults(seed, djlCache)));
    }
}
