package org.ecom.generate;

/**
 * What {@link RetailDataGenerator} writes: the number of data rows (the header not counted) and the
 * seed that makes the file reproducible (same rows and seed give a byte-identical file).
 *
 * @param rows data rows to write, zero or more
 * @param seed the random seed
 */
public record GeneratorSettings(long rows, long seed) {
    public GeneratorSettings {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be zero or more, got " + rows);
        }
    }
}
