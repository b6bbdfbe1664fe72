package org.ecom.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed filter-reach matrix (powerbi/filter-reach.txt) holds for the committed model and
 * report, and a change that alters what a slicer or the role reaches fails at the matrix's line.
 */
class FilterReachTest {

    private static final Path PROJECT = TestProject.folder();

    private static List<String> problems(Path project) throws IOException {
        SemanticModel model = SemanticModel.read(project.resolve("Ecom.SemanticModel"));
        return PowerBiProject.checkFilterReach(project, model).stream().map(Problem::toString).toList();
    }

    private static int lineOf(Path file, String start) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " not in " + file);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from + " not in " + file);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedMatrixIsWhatTheModelAndReportGive() throws Exception {
        assertEquals("", String.join("\n", problems(PROJECT)));
    }

    @Test
    void everySlicerReachesEveryVisualOfItsPageButTheExplainedExceptions() throws Exception {
        SemanticModel model = SemanticModel.read(PROJECT.resolve("Ecom.SemanticModel"));
        var matrix = FilterReach.slicers(model, ReportVisual.read(PROJECT.resolve("Ecom.Report")));
        long cells = matrix.values().stream().mapToLong(c -> c.size()).sum();
        List<String> noes = matrix.entrySet().stream()
                .flatMap(row -> row.getValue().entrySet().stream().filter(c -> !c.getValue().value().equals("yes"))
                        .map(c -> row.getKey() + " " + c.getKey()))
                .collect(Collectors.toList());
        assertEquals(93, cells, "31 visuals x 3 slicers");
        // The exceptions, each with its reason in filter-reach.txt: company-wide tables (the segment migration's
        // three among them), and the anomalies' segment; and the campaign page's three visuals, on a page without slicers.
        assertEquals(27 + 9, noes.size(), String.join("\n", noes));
        assertEquals("yes", matrix.get("executive_home/card_mom").get("slicer_month").value());
        assertEquals("'Country' > 'Sales' > 'Customer'", matrix.get("customer_insights/top_clv").get("slicer_country").why());
    }

    @Test
    void aRelationshipTurnedOneWayFailsAtTheMatrixLinesItChanges(@TempDir Path copy) throws Exception {
        TestProject.copyTo(copy);
        replace(copy.resolve("Ecom.SemanticModel/definition/relationships.tmdl"), """
                relationship sales_customer
                	crossFilteringBehavior: bothDirections
                	securityFilteringBehavior: bothDirections
                """, """
                relationship sales_customer
                """);

        List<String> problems = problems(copy);

        Path matrix = copy.resolve("filter-reach.txt");
        String all = String.join("\n", problems);
        assertTrue(problems.contains(matrix + ":" + lineOf(matrix, "customer_insights/top_clv ")
                + ": customer_insights/top_clv, slicer_country: the matrix says yes, the model and report give no"
                + " (no filter path from 'Country' to 'Customer')"), all);
        assertTrue(problems.contains(matrix + ":" + lineOf(matrix, "Recommendation ")
                + ": role 'Regional manager' on 'Recommendation': the matrix says yes, the model and report give no"
                + " (no role filter reaches it)"), all);
        // Country and Date no longer reach the 8 customer-level visuals (16 cells); the role no longer
        // reaches Customer, Customer segment, Segment, RFM, repurchase scores and recommendations.
        assertEquals(22, problems.size(), all);
    }

    @Test
    void aRelationshipThatGivesTwoPathsIsAmbiguous(@TempDir Path copy) throws Exception {
        TestProject.copyTo(copy);
        Path relationships = copy.resolve("Ecom.SemanticModel/definition/relationships.tmdl");
        Files.writeString(relationships, Files.readString(relationships) + """

                relationship anomaly_customer
                	fromColumn: 'Quantity anomaly'.customer_id
                	toColumn: Customer.customer_id
                """);

        String all = String.join("\n", problems(copy));

        int line = lineOf(relationships, "relationship anomaly_customer");
        assertTrue(all.contains(relationships + ":" + line + ": ambiguous filter paths from 'Date' to 'Quantity anomaly': "
                + "'Date' > 'Sales' > 'Customer' > 'Quantity anomaly' and 'Date' > 'Quantity anomaly'"), all);
    }

    @Test
    void anExceptionNeedsItsReasonAndANewVisualItsLine(@TempDir Path copy) throws Exception {
        TestProject.copyTo(copy);
        Path matrix = copy.resolve("filter-reach.txt");
        String funnel = Files.readAllLines(matrix).get(lineOf(matrix, "orders_management/quality_funnel ") - 1);
        replace(matrix, funnel, funnel.substring(0, funnel.indexOf('#')).stripTrailing());
        Path pages = copy.resolve("Ecom.Report/definition/pages");
        Path newVisual = Files.createDirectories(pages.resolve("sales_overview/visuals/revenue_trend_2"));
        Files.copy(pages.resolve("sales_overview/visuals/revenue_trend/visual.json"), newVisual.resolve("visual.json"));

        List<String> problems = problems(copy);

        assertEquals(List.of(
                matrix + ":" + lineOf(matrix, "orders_management/quality_funnel ")
                        + ": orders_management/quality_funnel, slicer_country: a no is a deliberate exception; say why after #",
                matrix + ":" + lineOf(matrix, "orders_management/quality_funnel ")
                        + ": orders_management/quality_funnel, slicer_segment: a no is a deliberate exception; say why after #",
                matrix + ":" + lineOf(matrix, "orders_management/quality_funnel ")
                        + ": orders_management/quality_funnel, slicer_month: a no is a deliberate exception; say why after #",
                pages.resolve("sales_overview/visuals/revenue_trend_2/visual.json") + ":1: visual sales_overview/revenue_trend_2"
                        + " is not in filter-reach.txt: add the line 'sales_overview/revenue_trend_2 yes yes yes'"), problems);
    }

    @Test
    void aMeasureMustCountTheRowsOfItsOwnTable(@TempDir Path copy) throws Exception {
        TestProject.copyTo(copy);
        Path segment = copy.resolve("Ecom.SemanticModel/definition/tables/Segment.tmdl");
        replace(segment, "table Segment\n", """
                table Segment

                	/// Customers of the segment.
                	measure 'Segment count' = COUNTROWS('Customer segment')
                		formatString: #,0
                		displayFolder: Customers
                """);

        List<String> problems = problems(copy);

        assertEquals(List.of(segment + ":" + lineOf(segment, "\tmeasure 'Segment count'") + ": measure 'Segment count' reads rows of"
                + " 'Customer segment' but is declared in 'Segment': a measure's filters are those of its table, so declare it there"),
                problems);
    }
}
