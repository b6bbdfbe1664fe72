package org.ecom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One record in, one typed line or one reason out. */
class LineParserTest {

    private static final ColumnLayout LAYOUT = ColumnLayout.of("test.csv",
            List.of("Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"));

    @ParameterizedTest(name = "''{0}'' is {1} thousandths")
    @CsvSource(delimiter = '|', value = {
        "2.55|2550", "-11062.06|-11062060", "0|0", "6.950|6950", "2.5500|2550", "' 6.95 '|6950",
        "+3|3000", ".5|500", "5.|5000", "007.125|7125", "999999999.999|999999999999",
        "1E+2|100000", "2.5E-2|25"})
    void pricesAreReadExactly(String text, long thousandths) {
        assertEquals(thousandths, LineParser.priceThousandths(text));
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
        "abc|Price is not a number: 'abc'",
        "-|Price is not a number: '-'",
        "''|Price is not a number: ''",
        "1.2.3|Price is not a number: '1.2.3'",
        "1 000|Price is not a number: '1 000'",
        "2.5501|Price has more than 3 decimal places: '2.5501'",
        "1000000000|Price out of range: '1000000000'",
        "-1000000000.5|Price out of range: '-1000000000.5'",
        "123456789012345678901234|Price out of range: '123456789012345678901234'"})
    void impossiblePricesSayWhy(String text, String reason) {
        LineParser.Result result = parse(line(text, "2009-12-01 07:45:00"));
        assertNull(result.line());
        assertEquals(reason, result.rejection().reason());
    }

    @Test
    void eachLineKeepsItsOwnDateWhenDatesChange() {
        LineParser parser = new LineParser(LAYOUT);
        String[] dates = {"2009-12-01 07:45:00", "2009-12-01 07:45:00", "12/1/2010 8:26", "2009-12-01 07:45:00"};
        LocalDateTime[] expected = {LocalDateTime.of(2009, 12, 1, 7, 45), LocalDateTime.of(2009, 12, 1, 7, 45),
            LocalDateTime.of(2010, 12, 1, 8, 26), LocalDateTime.of(2009, 12, 1, 7, 45)};
        for (int i = 0; i < dates.length; i++) {
            assertEquals(expected[i], parser.parse(line("6.95", dates[i])).line().invoiceDate());
        }
        assertEquals("InvoiceDate is not a date: '2009-13-01 07:45:00'",
                parser.parse(line("6.95", "2009-13-01 07:45:00")).rejection().reason());
    }

    private static LineParser.Result parse(SourceRecord record) {
        return new LineParser(LAYOUT).parse(record);
    }

    private static SourceRecord line(String price, String date) {
        return new SourceRecord(2, List.of("489434", "85048", "LIGHT", "12", date, price, "13085.0", "United Kingdom"), "");
    }
}
