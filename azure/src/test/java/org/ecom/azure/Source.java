package org.ecom.azure;

import java.nio.file.Path;

/** Where something was written: a file and a 1-based line, printed as file:line. */
record Source(Path file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
