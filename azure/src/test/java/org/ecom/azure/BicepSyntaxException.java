package org.ecom.azure;

/** Text the reader does not understand, with the file and line where it stopped. */
final class BicepSyntaxException extends RuntimeException {

    BicepSyntaxException(String message) {
        super(message);
    }
}
