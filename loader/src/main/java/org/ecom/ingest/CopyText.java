package org.ecom.ingest;

import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * A chunk of PostgreSQL COPY text-format data, written straight to UTF-8 bytes. The loader formats
 * a million rows with it, so it avoids the String and char copies a StringBuilder would need.
 */
final class CopyText {

    private byte[] bytes;
    private int length;

    CopyText(int capacity) {
        this.bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    /** The bytes written so far; the chunk is empty afterwards. */
    byte[] take() {
        byte[] taken = Arrays.copyOf(bytes, length);
        length = 0;
        return taken;
    }

    CopyText tab() {
        return put((byte) '\t');
    }

    CopyText newLine() {
        return put((byte) '\n');
    }

    CopyText nullValue() {
        room(2);
        bytes[length++] = '\\';
        bytes[length++] = 'N';
        return this;
    }

    /** Bytes known to be ASCII and free of COPY's special characters. */
    CopyText ascii(byte[] plain) {
        room(plain.length);
        System.arraycopy(plain, 0, bytes, length, plain.length);
        length += plain.length;
        return this;
    }

    /** A string known to be ASCII and free of COPY's special characters, such as a formatted number. */
    CopyText ascii(String plain) {
        room(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            bytes[length++] = (byte) plain.charAt(i);
        }
        return this;
    }

    CopyText number(long value) {
        if (value < 0) {
            return ascii(Long.toString(value)); // rare here, and -Long.MIN_VALUE has no positive form
        }
        room(19);
        int end = length + digitCount(value);
        length = end;
        do {
            bytes[--end] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        return this;
    }

    /** A number in thousandths as a decimal with three places: 2550 is {@code 2.550}. */
    CopyText thousandths(long value) {
        if (value < 0) {
            put((byte) '-');
        }
        number(Math.abs(value / 1000)).put((byte) '.');
        long fraction = Math.abs(value % 1000);
        room(3);
        bytes[length++] = (byte) ('0' + fraction / 100);
        bytes[length++] = (byte) ('0' + fraction / 10 % 10);
        bytes[length++] = (byte) ('0' + fraction % 10);
        return this;
    }

    private static int digitCount(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    /** {@code YYYY-MM-DD HH:MM:SS}, for a four-digit year. */
    CopyText timestamp(LocalDateTime t) {
        number(t.getYear()).put((byte) '-');
        twoDigits(t.getMonthValue()).put((byte) '-');
        twoDigits(t.getDayOfMonth()).put((byte) ' ');
        twoDigits(t.getHour()).put((byte) ':');
        twoDigits(t.getMinute()).put((byte) ':');
        return twoDigits(t.getSecond());
    }

    private CopyText twoDigits(int value) {
        room(2);
        bytes[length++] = (byte) ('0' + value / 10);
        bytes[length++] = (byte) ('0' + value % 10);
        return this;
    }

    /** Any text, or NULL as {@code \N}: backslash, tab and line breaks escaped, encoded as UTF-8. */
    CopyText text(String value) {
        if (value == null) {
            return nullValue();
        }
        room(value.length() * 3);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                i = encode(value, i);
            } else if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                escape(c);
            } else {
                bytes[length++] = (byte) c;
            }
        }
        return this;
    }

    private void escape(char c) {
        room(2);
        bytes[length++] = '\\';
        bytes[length++] = switch (c) {
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> '\\';
        };
    }

    /** Writes the non-ASCII character at index i as UTF-8; returns the index of its last char. */
    private int encode(String value, int i) {
        int codePoint = value.codePointAt(i);
        room(4);
        if (Character.isSurrogate((char) codePoint)) {
            bytes[length++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
            return i;
        }
        if (codePoint < 0x800) {
            bytes[length++] = (byte) (0xc0 | codePoint >> 6);
        } else if (codePoint < 0x10000) {
            bytes[length++] = (byte) (0xe0 | codePoint >> 12);
            bytes[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3f));
        } else {
            bytes[length++] = (byte) (0xf0 | codePoint >> 18);
            bytes[length++] = (byte) (0x80 | (codePoint >> 12 & 0x3f));
            bytes[length++] = (byte) (0x80 | (codePoint >> 6 & 0x3f));
        }
        bytes[length++] = (byte) (0x80 | (codePoint & 0x3f));
        return i + Character.charCount(codePoint) - 1;
    }

    private CopyText put(byte b) {
        room(1);
        bytes[length++] = b;
        return this;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
