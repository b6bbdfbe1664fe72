package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** COPY text format as PostgreSQL reads it: escapes, NULL, UTF-8 and the numbers the loader writes. */
class CopyTextTest {

    @Test
    void textIsEscapedAndEncodedAsUtf8() {
        String value = "tab\there, back\\slash, line\nbreak\r, caf\u00e9 \u20ac5 \ud83d\ude00";
        CopyText copy = new CopyText(4);
        copy.text(value).tab().text(null).newLine();
        String expected = "tab\\there, back\\\\slash, line\\nbreak\\r, caf\u00e9 \u20ac5 \ud83d\ude00\t\\N\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), copy.take());
        assertEquals(0, copy.length());
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsInJava() {
        String value = "a\ud83db";
        assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), new CopyText(1).text(value).take());
    }

    @Test
    void numbersDatesAndThousandths() {
        CopyText copy = new CopyText(1);
        copy.number(0).tab().number(-80995).tab().number(Long.MAX_VALUE).tab().number(Long.MIN_VALUE).tab()
                .thousandths(2550).tab().thousandths(-5).tab().thousandths(0).tab().thousandths(999_999_999_999L).tab()
                .thousandths(Long.MIN_VALUE).tab().timestamp(LocalDateTime.of(2009, 12, 1, 7, 5, 9));
        assertEquals("0\t-80995\t9223372036854775807\t-9223372036854775808\t2.550\t-0.005\t0.000\t999999999.999\t"
                + "-9223372036854775.808\t2009-12-01 07:05:09",
                new String(copy.take(), StandardCharsets.UTF_8));
    }
}
