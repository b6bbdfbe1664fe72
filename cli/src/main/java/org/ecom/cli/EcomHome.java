package org.ecom.cli;

import java.nio.file.Path;
import org.ecom.db.EmbeddedDatabase;

/**
 * The project-local working folder (embedded database, demo data, caches): {@code .ecom} at the
 * project root, as set by the {@code ./ecom} launcher through {@code -Decom.home}.
 */
final class EcomHome {

    private EcomHome() {
    }

    /** Starts (or reuses) the embedded PostgreSQL whose data lives in this folder. */
    static EmbeddedDatabase startEmbeddedDatabase(int port) {
        return EmbeddedDatabase.start(path().resolve("pgdata"), path().resolve("pg-runtime"), port);
    }

    static Path path() {
        String configured = System.getProperty("ecom.home");
        return Path.of(configured != null ? configured : ".ecom").toAbsolutePath().normalize();
    }
}
