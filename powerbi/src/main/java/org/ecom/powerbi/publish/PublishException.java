package org.ecom.powerbi.publish;

/** Publishing stopped: a one-line reason naming the request, file or field at fault. */
public final class PublishException extends RuntimeException {

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
