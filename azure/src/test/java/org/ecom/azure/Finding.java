package org.ecom.azure;

/** A rule the templates break: where, which rule, and why. */
record Finding(Source source, String rule, String reason) {

    @Override
    public String toString() {
        return source + ": " + rule + ": " + reason;
    }
}
