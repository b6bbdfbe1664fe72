package org.ecom.cli;

import java.nio.file.Path;

/**
 * The project-local working folder (embedded database, demo data, caches): {@code .ecom} at the
 * project root, as set by the {@code ./ecom} launcher through {@code -Decom.home}.
 */
final class EcomHome {

    private EcomHome() {
    }

    static Path path() {
        String configured = System.getProperty("ecom.home");
        return Path.of(configured != null ? configured : ".ecom").toAbsolutePath().normalize();
    }
}
