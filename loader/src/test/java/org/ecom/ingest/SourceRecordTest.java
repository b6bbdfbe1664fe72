package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text kept for a rejected row: the fields as one CSV line, quoted only where needed. */
class SourceRecordTest {

    @Test
    void rawTextQuotesOnlyTheFieldsThatNeedIt() {
        SourceRecord record = new SourceRecord(7, List.of("536365", "METAL, \"LANTERN\"", "two\nlines", "", " 6 "), "");
        assertEquals("536365,\"METAL, \"\"LANTERN\"\"\",\"two\nlines\",, 6 ", record.rawText());
    }

    @Test
    void aWorkbookRowSaysWhereItWas() {
        assertEquals("Year 2010-2011!5: 489437,22112", new SourceRecord(5, List.of("489437", "22112"), "Year 2010-2011!5: ").rawText());
    }
}
