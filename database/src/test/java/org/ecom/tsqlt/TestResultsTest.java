package org.ecom.tsqlt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary read from tSQLt.XmlResultFormatter's JUnit XML (a sample shaped like its FOR XML EXPLICIT output). */
class TestResultsTest {

    private static String sample() throws IOException {
        try (InputStream in = TestResultsTest.class.getResourceAsStream("tsqlt-results.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void countsPassedFailedErrorsAndSkipped() throws IOException {
        TestResults results = TestResults.parse(sample());

        assertEquals(7, results.testCases().size());
        assertEquals(4, results.count(TestResults.Outcome.PASSED));
        assertEquals(1, results.count(TestResults.Outcome.FAILED));
        assertEquals(1, results.count(TestResults.Outcome.ERROR));
        assertEquals(1, results.count(TestResults.Outcome.SKIPPED));
        assertEquals("4 passed, 2 failed (1 with an error), 1 skipped", results.summary());
        assertFalse(results.allPassed());
    }

    @Test
    void failuresCarryTheirFullNameAndMessage() throws IOException {
        List<TestResults.TestCase> failures = TestResults.parse(sample()).failures();

        assertEquals(2, failures.size());
        TestResults.TestCase error = failures.get(0);
        assertEquals("sales_tests.[test a customer's country follows their latest invoice across batches]", error.fullName());
        assertEquals(TestResults.Outcome.ERROR, error.outcome());
        assertTrue(error.message().startsWith("Cannot insert the value NULL into column 'country_id'"), error.message());

        TestResults.TestCase failure = failures.get(1);
        assertEquals("sales_tests", failure.className());
        assertEquals("test exactly the clean lines reach sales.invoice_line", failure.name());
        assertEquals(TestResults.Outcome.FAILED, failure.outcome());
        String[] lines = failure.message().split("\\R");
        assertEquals("Unexpected/missing resultset rows!", lines[0]);
        assertEquals("|<  |536365    |71053     |6       |", lines[3]);
    }

    @Test
    void allPassedNeedsAtLeastOneTest() {
        TestResults passed = TestResults.parse("<testsuites><testsuite id=\"1\" name=\"kpi_tests\" tests=\"1\" errors=\"0\" failures=\"0\">"
                + "<properties/><testcase classname=\"kpi_tests\" name=\"test one\" time=\"0.010\"/><system-out/><system-err/></testsuite></testsuites>");
        assertTrue(passed.allPassed());
        assertEquals("1 passed, 0 failed", passed.summary());

        assertFalse(TestResults.parse("").allPassed());
        assertFalse(TestResults.parse("<testsuites/>").allPassed());
        assertEquals("0 passed, 0 failed", TestResults.parse("<testsuites/>").summary());
    }

    @Test
    void unreadableXmlAndDoctypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TestResults.parse("<testsuites><testsuite>"));
        assertThrows(IllegalArgumentException.class, () -> TestResults.parse(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuites>&e;</testsuites>"));
    }
}
