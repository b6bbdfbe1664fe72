package org.ecom.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ecom.db.DatabaseTarget;
import org.ecom.report.HtmlReport;
import org.ecom.report.ReportData;
import org.jdbi.v3.core.Handle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML dashboard: the five pages of the Power BI report (executive home, sales,"
                + " customers, orders, recommendations and model quality) with country, segment and month filters that work"
                + " in the browser, offline. It reads the same views as Power BI (kpi, analysis, ml), so an analytics_reader"
                + " login is enough. Open FILE#sales_overview (or another page name) to land on a page."},
        footer = {"", "Examples:", "  ./ecom report --out report.html",
            "  ./ecom report --out report.html --db jdbc:postgresql://dbhost:5432/ecom?user=reader"})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--out", required = true, paramLabel = "FILE.html",
            description = "Where to write the page; written to a temporary file and moved into place, so an interrupted run never leaves half a page.")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (DatabaseOptions.Opened db = database.open(); Handle handle = db.target().jdbi().open()) {
            Console.status("reading the report views of " + DatabaseTarget.masked(db.target().jdbcUrl()));
            String html = HtmlReport.render(ReportData.load(handle, db.target().dialect()), "E-commerce analytics");
            AtomicFile.write(out, temporary -> Files.writeString(temporary, html, StandardCharsets.UTF_8));
            Console.status("wrote " + out + " (" + Console.count(html.length() / 1024) + " kB)");
        }
        return 0;
    }
}
