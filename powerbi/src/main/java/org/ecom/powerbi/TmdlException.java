package org.ecom.powerbi;

import java.nio.file.Path;

/** A TMDL line the reader cannot make sense of, with its place. */
public final class TmdlException extends RuntimeException {

    public TmdlException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
