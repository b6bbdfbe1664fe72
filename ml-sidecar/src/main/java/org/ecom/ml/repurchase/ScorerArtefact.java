package org.ecom.ml.repurchase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@link RepurchaseScorer} as bytes, the form ml.model_artefact stores. Java serialisation,
 * because Tribuo's models are Serializable (XGBoost's writes its booster as bytes) and nothing else
 * carries the whole scorer. Reading takes bytes from a database, so it goes through a filter that
 * admits only this package, Tribuo and its configuration library, XGBoost and the JDK's value
 * classes, with limits on depth and size: a crafted blob cannot name any other class.
 */
public final class ScorerArtefact {

    /** ml.model_artefact.artefact_format of these bytes. */
    public static final String FORMAT = "java-serialization";

    static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(String.join(";",
            "maxdepth=64", "maxrefs=1000000", "maxbytes=268435456", "maxarray=67108864",
            "org.ecom.ml.repurchase.*", "org.tribuo.**", "com.oracle.labs.mlrg.olcut.**", "ml.dmlc.xgboost4j.**",
            "java.lang.*", "java.util.*", "java.time.*", "java.net.URI", "java.net.URL", "java.math.*",
            "java.util.concurrent.**", "!*"));

    private ScorerArtefact() {
    }

    public static byte[] write(RepurchaseScorer scorer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(scorer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise the repurchase model: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** ml.model_artefact.artefact_sha256 of the bytes: lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The scorer in {@code bytes}, after checking them against their stored SHA-256; an
     * IllegalArgumentException when they differ, are not a scorer or name a class outside the filter.
     */
    public static RepurchaseScorer read(byte[] bytes, String expectedSha256) {
        if (!sha256(bytes).equals(expectedSha256)) {
            throw new IllegalArgumentException("the artefact's bytes do not match their stored SHA-256");
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            Object value = in.readObject();
            if (value instanceof RepurchaseScorer scorer) {
                return scorer;
            }
            throw new IllegalArgumentException("the artefact holds a " + value.getClass().getName() + ", not a repurchase model");
        } catch (InvalidClassException e) {
            throw new IllegalArgumentException("the artefact names a class the filter refuses: " + e.getMessage(), e);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("the artefact is not a readable repurchase model: " + e.getMessage(), e);
        }
    }
}
