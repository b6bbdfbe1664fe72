package org.ecom.ingest;

import java.nio.charset.Charset;
import java.util.Locale;

/**
 * How CSV bytes become text. UTF-8 is strict: a byte sequence that is not UTF-8 stops the load
 * at its line and byte offset rather than turning into U+FFFD in a product's description.
 * Windows-1252 (which covers Latin-1's letters) is read only when the user says so.
 */
public enum InputEncoding {
    UTF_8("utf-8", Charset.forName("UTF-8")),
    CP1252("cp1252", Charset.forName("windows-1252"));

    private final String label;
    private final Charset charset;

    InputEncoding(String label, Charset charset) {
        this.label = label;
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Accepts utf-8, utf8, cp1252, windows-1252 (any case). */
    public static InputEncoding ofName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> UTF_8;
            case "cp1252", "windows-1252" -> CP1252;
            default -> throw new IllegalArgumentException("unknown encoding '" + name + "': expected utf-8 or cp1252");
        };
    }
}
