package org.ecom.powerbi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a semantic model against a deployed database and against itself: every table is a
 * DirectQuery partition on an existing kpi, analysis or ml view; every column's source exists there
 * with a compatible type; every DAX reference (measures, role filters) and every relationship names
 * a column or measure of the model.
 */
public final class ModelChecker {

    /** The schemas a report may read: analytics_reader's views and the sidecar's published results. */
    static final Set<String> REPORTING_SCHEMAS = Set.of("kpi", "analysis", "ml");

    private static final Pattern VIEW_IN_M = Pattern.compile("Schema\\s*=\\s*\"(\\w+)\"\\s*,\\s*Item\\s*=\\s*\"(\\w+)\"");

    private final SemanticModel model;
    private final DatabaseViews views;
    private final List<Problem> problems = new ArrayList<>();

    private ModelChecker(SemanticModel model, DatabaseViews views) {
        this.model = model;
        this.views = views;
    }

    public static List<Problem> check(SemanticModel model, DatabaseViews views) {
        ModelChecker checker = new ModelChecker(model, views);
        model.tables().forEach(checker::checkTable);
        model.relationships().forEach(checker::checkRelationship);
        for (TmdlNode role : model.roles()) {
            for (TmdlNode permission : role.children("tablePermission")) {
                if (model.table(permission.name()).isEmpty()) {
                    checker.report(permission.file(), permission.line(), "role '" + role.name() + "' filters unknown table '" + permission.name() + "'");
                }
                checker.checkDax(permission, "role '" + role.name() + "' on '" + permission.name() + "'");
            }
        }
        return List.copyOf(checker.problems);
    }

    private void checkTable(TmdlNode table) {
        List<TmdlNode> partitions = table.children("partition");
        if (partitions.size() != 1) {
            report(table.file(), table.line(), "table '" + table.name() + "' needs exactly one partition, has " + partitions.size());
            return;
        }
        TmdlNode partition = partitions.get(0);
        if (!"directQuery".equals(partition.property("mode").orElse(""))) {
            report(partition.file(), partition.line(), "table '" + table.name() + "' is not in DirectQuery (mode: directQuery)");
        }
        Optional<String[]> view = view(table);
        if (view.isEmpty()) {
            report(partition.file(), partition.line(), "table '" + table.name() + "': no Schema=\"...\", Item=\"...\" in the partition source");
            return;
        }
        String schema = view.get()[0];
        String viewName = view.get()[1];
        if (!REPORTING_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
            report(partition.file(), partition.line(), "table '" + table.name() + "' reads schema " + schema + "; a report reads only " + REPORTING_SCHEMAS);
        }
        var columns = views.columns(schema, viewName);
        if (columns.isEmpty()) {
            report(partition.file(), partition.line(), "table '" + table.name() + "': no view " + schema + "." + viewName + " in the database");
        }
        for (TmdlNode column : table.children("column")) {
            String source = column.property("sourceColumn").orElse(column.name());
            String dataType = column.property("dataType").orElse("?");
            columns.ifPresent(c -> checkColumn(table, column, schema + "." + viewName, source, dataType, c));
        }
        for (TmdlNode measure : table.children("measure")) {
            checkDax(measure, "measure '" + measure.name() + "'");
        }
    }

    /** The {schema, view} a table's (first) partition reads: {@code Source{[Schema="kpi", Item="..."]}}. */
    static Optional<String[]> view(TmdlNode table) {
        Matcher m = VIEW_IN_M.matcher(table.children("partition").stream().findFirst()
                .flatMap(p -> p.property("source")).orElse(""));
        return m.find() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
    }

    private void checkColumn(TmdlNode table, TmdlNode column, String view, String source, String dataType, Map<String, String> viewColumns) {
        String sqlType = viewColumns.get(source.toLowerCase(Locale.ROOT));
        if (sqlType == null) {
            report(column.file(), column.line(), "column '" + table.name() + "'[" + column.name() + "]: " + view + " has no column " + source);
        } else if (!DatabaseViews.compatible(dataType, sqlType)) {
            report(column.file(), column.line(), "column '" + table.name() + "'[" + column.name() + "]: dataType " + dataType
                    + " cannot hold " + view + "." + source + " (" + sqlType + ")");
        }
    }

    private void checkDax(TmdlNode node, String what) {
        for (DaxReferences.Reference ref : DaxReferences.in(node.expression())) {
            boolean known = ref.table() == null
                    ? model.hasMeasureAnywhere(ref.name())
                    : model.hasColumn(ref.table(), ref.name()) || model.hasMeasure(ref.table(), ref.name());
            if (!known) {
                report(node.file(), node.expressionLine() + ref.lineOffset(), what + " refers to unknown "
                        + (ref.table() == null ? "measure " : "column or measure ") + ref);
            }
        }
    }

    private void checkRelationship(TmdlNode relationship) {
        for (String end : List.of("fromColumn", "toColumn")) {
            String value = relationship.property(end).orElse("");
            boolean known = Relationship.end(value).map(c -> model.hasColumn(c[0], c[1])).orElse(false);
            if (!known) {
                report(relationship.file(), relationship.line(), "relationship " + relationship.name() + ": " + end + " " + value + " is not a column of the model");
            }
        }
    }

    private void report(Path file, int line, String message) {
        problems.add(new Problem(file, line, message));
    }
}
