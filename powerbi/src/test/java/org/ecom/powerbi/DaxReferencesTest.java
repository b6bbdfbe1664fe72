package org.ecom.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DaxReferencesTest {

    @Test
    void findsQualifiedAndBareReferencesButNotTextInStringsOrComments() {
        List<String> found = DaxReferences.in("""
                VAR m = MAX('Date'[month_start]) // not [Commented]
                RETURN IF(Sales[orders] > 0, [Revenue], "[Not a measure]")""")
                .stream().map(r -> r + "@" + r.lineOffset()).toList();
        assertEquals(List.of("'Date'[month_start]@0", "'Sales'[orders]@1", "[Revenue]@1"), found);
    }

    @Test
    void unquotesTableNamesWithDoubledQuotes() {
        assertEquals("It's", DaxReferences.in("SUM('It''s'[x])").get(0).table());
    }
}
