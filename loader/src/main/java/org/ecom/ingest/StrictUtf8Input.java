package org.ecom.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Passes bytes through while checking that they are well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), counting lines and bytes so that the first bad
 * byte is reported where a user can find it. A decoder would only say "malformed input".
 */
final class StrictUtf8Input extends FilterInputStream {

    private final Path file;
    private long offset;      // bytes passed so far
    private long line = 1;    // physical line of the next byte
    private int pending;      // continuation bytes still expected
    private int lowest = 0x80;  // the bounds of the next continuation byte (they narrow after E0, ED, F0, F4)
    private int highest = 0xBF;
    private int lead;         // the first byte of the character being checked

    StrictUtf8Input(Path file, InputStream in) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check((byte) b);
        } else {
            checkEnd();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) {
            checkEnd();
        }
        for (int i = off; i < off + n; i++) {
            check(buffer[i]);
        }
        return n;
    }

    private void check(byte value) {
        int b = value & 0xff;
        if (pending > 0) {
            if (b < lowest || b > highest) {
                throw invalid(lead, offset - (sequenceLength(lead) - 1 - pending) - 1);
            }
            pending--;
            lowest = 0x80;
            highest = 0xBF;
        } else if (b >= 0x80) {
            lead = b;
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                lowest = b == 0xE0 ? 0xA0 : 0x80;
                highest = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                lowest = b == 0xF0 ? 0x90 : 0x80;
                highest = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw invalid(b, offset);
            }
        } else if (b == '\n') {
            line++;
        }
        offset++;
    }

    private void checkEnd() {
        if (pending > 0) {
            throw new InputFormatException(file + ": line " + line + ", byte offset " + offset
                    + ": the file ends inside a UTF-8 character");
        }
    }

    private static int sequenceLength(int lead) {
        return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    }

    /** The byte that starts no valid character, and its offset from the start of the (decompressed) file. */
    private InputFormatException invalid(int b, long at) {
        return new InputFormatException(String.format(Locale.ROOT,
                "%s: line %d, byte offset %d: byte 0x%02X is not valid UTF-8; if the file is Windows-1252 or Latin-1,"
                        + " load it with --encoding cp1252", file, line, at, b));
    }
}
