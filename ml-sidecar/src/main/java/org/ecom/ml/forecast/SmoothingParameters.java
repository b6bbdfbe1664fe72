package org.ecom.ml.forecast;

/**
 * Holt-Winters smoothing weights in the component form (as R's HoltWinters): alpha for the level,
 * beta for the trend, gamma for the season, each 0..1, and phi the trend damping (1 = none). Unused
 * ones for a form are 0 (beta without trend) or 1 (phi without damping).
 */
public record SmoothingParameters(double alpha, double beta, double gamma, double phi) {
}
