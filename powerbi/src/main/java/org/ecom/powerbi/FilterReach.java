package org.ecom.powerbi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the model's relationships make of the report's filters: for every visual, whether each
 * slicer of its page filters it; for every role, whether its filters reach each table. A slicer
 * filters a visual when its filter reaches every table whose rows the visual shows: the tables of
 * its measures (a measure's rows are those of the table that declares it, which
 * {@link #measuresOutsideTheirTable} holds true), or, for a visual of columns only, its tables
 * that are not the one side of another of them (a fact and its lookups show the fact's rows).
 * Slicers themselves are not in the matrix.
 */
public final class FilterReach {

    /** A matrix cell: yes, no, - (no such slicer on the page) or hidden (the role's filter is FALSE()), and why. */
    public record Cell(String value, String why) {
    }

    private static final String AGGREGATE = "SUM|SUMX|AVERAGE|AVERAGEX|MIN|MINX|MAX|MAXX|COUNT|COUNTA|COUNTAX|COUNTX"
            + "|COUNTROWS|COUNTBLANK|DISTINCTCOUNT|DISTINCTCOUNTNOBLANK|MEDIAN|MEDIANX";
    private static final String TABLE = "('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_]*)";
    private static final Pattern AGGREGATED = Pattern.compile("\\b(?:" + AGGREGATE + ")\\s*\\(\\s*" + TABLE, Pattern.CASE_INSENSITIVE);
    private static final Pattern UNFILTERED = Pattern.compile("\\b(?:REMOVEFILTERS|ALL|ALLNOBLANKROW)\\s*\\(\\s*" + TABLE + "\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    private FilterReach() {
    }

    /** Visual ({@code page/visual}) to slicer name to cell, for every visual that shows rows of the model; slicers by name across pages. */
    public static Map<String, Map<String, Cell>> slicers(SemanticModel model, List<ReportVisual> visuals) {
        FilterGraph graph = FilterGraph.of(model.parsedRelationships(), FilterGraph.Filter.SLICER);
        Set<String> slicerNames = new LinkedHashSet<>();
        visuals.stream().filter(ReportVisual::isSlicer).forEach(s -> slicerNames.add(s.name()));
        Map<String, Map<String, Cell>> matrix = new LinkedHashMap<>();
        for (ReportVisual visual : visuals) {
            Set<String> rows = rowTables(visual, model);
            if (visual.isSlicer() || rows.isEmpty()) {
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String slicerName : slicerNames) {
                Optional<String> filtered = visuals.stream()
                        .filter(s -> s.isSlicer() && s.page().equals(visual.page()) && s.name().equals(slicerName))
                        .findFirst().flatMap(s -> slicedTable(s, model));
                cells.put(slicerName, filtered.map(table -> reach(graph.reach(table), table, rows)).orElse(new Cell("-", "no such slicer on the page")));
            }
            matrix.put(visual.key(), cells);
        }
        return matrix;
    }

    private static Cell reach(Map<String, List<String>> reached, String from, Set<String> rows) {
        List<String> paths = new ArrayList<>();
        for (String table : rows) {
            List<String> path = reached.get(table);
            if (path == null) {
                return new Cell("no", "no filter path from '" + from + "' to '" + table + "'");
            }
            paths.add(FilterGraph.describe(path));
        }
        return new Cell("yes", String.join(", ", paths));
    }

    /** The table a slicer filters: that of its column. */
    private static Optional<String> slicedTable(ReportVisual slicer, SemanticModel model) {
        return slicer.fields().stream().filter(f -> !f.measure() && f.existsIn(model)).map(ReportField::entity).findFirst();
    }

    /** The tables whose rows the visual shows (see the class comment); fields the model lacks are left to {@link ReportChecker}. */
    static Set<String> rowTables(ReportVisual visual, SemanticModel model) {
        Set<String> measureTables = new LinkedHashSet<>();
        Set<String> columnTables = new LinkedHashSet<>();
        for (ReportField field : visual.fields()) {
            if (field.existsIn(model)) {
                (field.measure() ? measureTables : columnTables).add(field.entity());
            }
        }
        if (!measureTables.isEmpty()) {
            return measureTables;
        }
        Set<String> facts = new LinkedHashSet<>(columnTables);
        for (Relationship r : model.parsedRelationships()) {
            if (columnTables.contains(r.fromTable())) {
                facts.remove(r.toTable());
            }
        }
        return facts;
    }

    /** Role to table to cell: hidden (its own filter is FALSE()), yes (its own filter or a relationship brings one), or no. */
    public static Map<String, Map<String, Cell>> roles(SemanticModel model) {
        FilterGraph graph = FilterGraph.of(model.parsedRelationships(), FilterGraph.Filter.ROLE);
        Map<String, Map<String, Cell>> matrix = new LinkedHashMap<>();
        for (TmdlNode role : model.roles()) {
            Map<String, List<String>> reached = new TreeMap<>();
            Map<String, String> ownFilters = new LinkedHashMap<>();
            for (TmdlNode permission : role.children("tablePermission")) {
                ownFilters.put(permission.name(), permission.expression());
                graph.reach(permission.name()).forEach(reached::putIfAbsent);
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (TmdlNode table : model.tables()) {
                String own = ownFilters.get(table.name());
                List<String> path = reached.get(table.name());
                cells.put(table.name(), own != null && own.replaceAll("\\s", "").matches("(?i)FALSE(\\(\\))?")
                        ? new Cell("hidden", "its filter is FALSE()")
                        : own != null ? new Cell("yes", "its own filter")
                        : path != null ? new Cell("yes", FilterGraph.describe(path))
                        : new Cell("no", "no role filter reaches it"));
            }
            matrix.put(role.name(), cells);
        }
        return matrix;
    }

    /**
     * Measures that aggregate rows of, or call a measure of, another table than the one that
     * declares them (a table whose filters the measure removes, e.g. REMOVEFILTERS('Date'), aside):
     * the matrix would take the wrong table's filters for theirs.
     */
    public static List<Problem> measuresOutsideTheirTable(SemanticModel model) {
        List<Problem> problems = new ArrayList<>();
        for (TmdlNode table : model.tables()) {
            for (TmdlNode measure : table.children("measure")) {
                String code = DaxReferences.blank(measure.expression());
                Set<String> unfiltered = tables(UNFILTERED.matcher(code));
                Set<String> foreign = new LinkedHashSet<>();
                for (String aggregated : tables(AGGREGATED.matcher(code))) {
                    if (model.table(aggregated).isPresent() && !aggregated.equals(table.name()) && !unfiltered.contains(aggregated)) {
                        foreign.add(aggregated);
                    }
                }
                for (DaxReferences.Reference ref : DaxReferences.in(measure.expression())) {
                    model.measureTable(ref.name())
                            .filter(home -> ref.table() == null || model.hasMeasure(ref.table(), ref.name()))
                            .filter(home -> !home.equals(table.name()))
                            .ifPresent(foreign::add);
                }
                if (!foreign.isEmpty()) {
                    problems.add(new Problem(measure.file(), measure.line(), "measure '" + measure.name() + "' reads rows of '"
                            + String.join("', '", foreign) + "' but is declared in '" + table.name()
                            + "': a measure's filters are those of its table, so declare it there"));
                }
            }
        }
        return problems;
    }

    private static Set<String> tables(Matcher m) {
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            String name = m.group(1);
            names.add(name.startsWith("'") ? name.substring(1, name.length() - 1).replace("''", "'") : name);
        }
        return names;
    }
}
