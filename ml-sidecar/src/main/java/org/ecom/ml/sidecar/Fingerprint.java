package org.ecom.ml.sidecar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A SHA-256 of a model's input rows, so two runs on the same data can be told apart from two on different data. */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** Hashes the rows' text forms (records print every component) in order. */
    public static String of(List<? extends Record> rows) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (Record row : rows) {
            digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
