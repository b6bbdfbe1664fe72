package org.ecom.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecom.cli.EcomCommand;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTarget;
import org.ecom.db.DatabaseTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./ecom report} on generated data: one self-contained file, every page drawn by headless
 * Chromium without a script error, and a screenshot of each page in target/report-screenshots.
 */
@DatabaseTest
class ReportCommandTest {

    /** Each page and the fewest charts it draws on generated data without ML runs. */
    private static final Map<String, Integer> PAGES_AND_CHARTS = Map.of(
            "executive_home", 1, "sales_overview", 2, "customer_insights", 1, "orders_management", 1,
            "recommendations_model_quality", 2);
    private static final Pattern BODY = Pattern.compile("<body[^>]*data-page=\"([^\"]*)\"[^>]*data-charts=\"(\\d+)\"[^>]*data-errors=\"(\\d+)\"");

    @TempDir
    static Path folder;
    private static String url;
    private static Path report;

    @BeforeAll
    static void generatedDataAndReport() {
        url = ContractEngines.freshPostgres().jdbcUrl();
        StringWriter err = new StringWriter();
        CommandLine cli = EcomCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(0, cli.execute("run", "--db", url, "--demo", "--demo-rows", "20000"), err.toString());
        report = folder.resolve("report.html");
        assertEquals(0, cli.execute("report", "--db", url, "--out", report.toString()), err.toString());
    }

    @Test
    void theReportIsOneOfflineFileOfReasonableSize() throws Exception {
        String html = Files.readString(report);
        assertFalse(html.contains("<script src"), "no script is fetched when the page is viewed");
        assertTrue(html.contains("Chart.js v4"), "Chart.js is inlined");
        assertTrue(Files.size(report) < 3_000_000, "size: " + Files.size(report));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().contains("report.html")).count(), "no temporary file left");
        }
    }

    @Test
    void everyPageRendersItsChartsWithoutScriptErrors() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            System.err.println("""

                    ########################################################################
                    ##  REPORT BROWSER TEST SKIPPED: chromium not found.
                    ##  The HTML report was NOT opened in a browser. Install it with
                    ##  apt-get install -y chromium (.ci/run does) and run the tests again.
                    ########################################################################
                    """);
            Assumptions.abort("chromium not installed");
        }
        Path screenshots = Path.of("target", "report-screenshots");
        for (Map.Entry<String, Integer> page : PAGES_AND_CHARTS.entrySet()) {
            String dom = chromium.dumpDom(report, page.getKey());
            Matcher body = BODY.matcher(dom);
            assertTrue(body.find(), page.getKey() + ": no body status in " + dom.substring(0, Math.min(500, dom.length())));
            assertEquals(page.getKey(), body.group(1));
            assertEquals("0", body.group(3), page.getKey() + " script errors: " + status(dom));
            assertTrue(Integer.parseInt(body.group(2)) >= page.getValue(), page.getKey() + " drew " + body.group(2) + " charts");
            chromium.screenshot(report, page.getKey(), screenshots.resolve(page.getKey() + ".png"));
            assertTrue(Files.size(screenshots.resolve(page.getKey() + ".png")) > 10_000, page.getKey() + " screenshot");
        }
    }

    @Test
    void theGrowthCardsShowTheLastWholeMonthAsKpiMonthlyRevenueDoes() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium not installed (the test above says so loudly)");
        // The report opens on every month: the current month is the last whole one with sales.
        List<String> expected = DatabaseTarget.of(url).jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT TO_CHAR(month_start, 'YYYY-MM'), mom_growth_pct, yoy_growth_pct FROM kpi.monthly_revenue"
                                + " WHERE NOT is_partial AND revenue > 0 ORDER BY month_start DESC")
                .map((row, context) -> List.of("MoM growth, " + row.getString(1), String.valueOf(row.getBigDecimal(2)),
                        "YoY growth, " + row.getString(1), String.valueOf(row.getBigDecimal(3))))
                .first());
        Matcher cards = Pattern.compile("<div class=\"label\">((?:MoM|YoY) growth, [^<]*)</div><div class=\"value\">([^<]*)</div>")
                .matcher(chromium.dumpDom(report, "executive_home"));
        for (int card = 0; card < 2; card++) {
            assertTrue(cards.find(), "growth card " + (card + 1) + " of 2");
            assertEquals(expected.get(2 * card), cards.group(1));
            String viewPct = expected.get(2 * card + 1);
            String shown = cards.group(2);
            if (viewPct.equals("null")) {
                assertEquals("–", shown, cards.group(1));
            } else {
                // The card prints one decimal of the same ratio the view rounds to two.
                BigDecimal printed = new BigDecimal(shown.replace("+", "").replace(" %", ""));
                assertTrue(printed.subtract(new BigDecimal(viewPct)).abs().compareTo(new BigDecimal("0.051")) <= 0,
                        cards.group(1) + ": card " + shown + ", kpi.monthly_revenue " + viewPct);
            }
        }
    }

    @Test
    void aDatabaseItCannotReadIsAOneLineErrorAndNoFile() {
        StringWriter err = new StringWriter();
        CommandLine cli = EcomCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        Path out = folder.resolve("none.html");
        assertEquals(1, cli.execute("report", "--db", "jdbc:postgresql://localhost:1/none", "--out", out.toString()));
        assertTrue(err.toString().startsWith("ecom: error: "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(out));
        assertEquals(2, cli.execute("report"), "--out is required");
    }

    private static String status(String dom) {
        Matcher m = Pattern.compile("<pre id=\"report-status\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        return m.find() ? m.group(1) : "";
    }
}
