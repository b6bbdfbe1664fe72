package org.ecom.ingest;

/**
 * The input is not Online Retail data (wrong header, binary, empty, truncated): the message is one
 * line naming the file and, where known, the line.
 */
public class InputFormatException extends RuntimeException {
    public InputFormatException(String message) {
        super(message);
    }

    public InputFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
