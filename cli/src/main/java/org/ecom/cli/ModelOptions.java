package org.ecom.cli;

import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What the models of sidecar and run are trained with: a seed and an as-of day. */
final class ModelOptions {

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of every model's randomness: the same data and seed give the same results (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The day the models score for: they learn only from sales before it (default: the day after the last sale).")
    LocalDate asOf;

    Optional<LocalDate> asOfDay() {
        return Optional.ofNullable(asOf);
    }
}
