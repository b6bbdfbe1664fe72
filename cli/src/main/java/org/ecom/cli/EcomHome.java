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

    /**
     * Starts (or reuses) the embedded PostgreSQL whose data lives in this folder: the one way every
     * command (run, load, db, report, sidecar...) reaches it, so each follows the same identity rule.
     */
    static EmbeddedDatabase startEmbeddedDatabase(int port) {
        try {
            return EmbeddedDatabase.start(dataFolder(), path().resolve("pg-runtime"), port);
        } catch (EmbeddedDatabase.NotOursException e) {
            throw new IllegalStateException(e.getMessage() + ": pass --embedded-port with a free port (this project's"
                    + " database then starts there), or stop the server on port " + e.port(), e);
        }
    }

    /** The embedded PostgreSQL's data folder. */
    static Path dataFolder() {
        return path().resolve("pgdata");
    }

    static Path path() {
        String configured = System.getProperty("ecom.home");
        return Path.of(configured != null ? configured : ".ecom").toAbsolutePath().normalize();
    }
}
