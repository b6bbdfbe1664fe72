package org.ecom.ml.sidecar;

/** Another sidecar holds the lock on this database. */
public final class SidecarBusyException extends RuntimeException {

    public SidecarBusyException(String message) {
        super(message);
    }
}
