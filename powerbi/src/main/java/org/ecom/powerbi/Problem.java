package org.ecom.powerbi;

import java.nio.file.Path;

/** Something in the Power BI project that would break the report, and where: {@code file:line: message}. */
public record Problem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
