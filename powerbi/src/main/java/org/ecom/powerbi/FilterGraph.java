package org.ecom.powerbi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Which tables a filter on a table reaches through the model's active relationships: the one side
 * filters the many side; the many side filters the one side only across a relationship set to
 * both directions, for slicers ({@code crossFilteringBehavior}) or for roles
 * ({@code securityFilteringBehavior}, where {@code none} stops a role's filter altogether).
 */
public final class FilterGraph {

    /** The filter whose paths the graph follows. */
    public enum Filter { SLICER, ROLE }

    private record Step(String table, Relationship relationship) {
    }

    private final Map<String, List<Step>> steps = new LinkedHashMap<>();

    private FilterGraph() {
    }

    public static FilterGraph of(List<Relationship> relationships, Filter filter) {
        FilterGraph graph = new FilterGraph();
        for (Relationship r : relationships) {
            if (!r.active() || (filter == Filter.ROLE && r.securityNone())) {
                continue;
            }
            graph.add(r.toTable(), r.fromTable(), r);
            if (filter == Filter.SLICER ? r.crossFilterBothWays() : r.securityBothWays()) {
                graph.add(r.fromTable(), r.toTable(), r);
            }
        }
        return graph;
    }

    private void add(String from, String to, Relationship relationship) {
        steps.computeIfAbsent(from, t -> new ArrayList<>()).add(new Step(to, relationship));
    }

    /** Every table a filter on the table reaches, the table itself first, each with a shortest path to it (the table names along it). */
    public Map<String, List<String>> reach(String table) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        paths.put(table, List.of(table));
        Deque<String> queue = new ArrayDeque<>(List.of(table));
        while (!queue.isEmpty()) {
            String current = queue.removeFirst();
            for (Step step : steps.getOrDefault(current, List.of())) {
                if (!paths.containsKey(step.table())) {
                    List<String> path = new ArrayList<>(paths.get(current));
                    path.add(step.table());
                    paths.put(step.table(), List.copyOf(path));
                    queue.addLast(step.table());
                }
            }
        }
        return paths;
    }

    /**
     * Pairs of tables joined by two filter paths: Power BI refuses such a model (an ambiguous
     * path). Reported at the last-declared relationship of the two paths, most often the one added.
     */
    public List<Problem> ambiguities() {
        List<Problem> problems = new ArrayList<>();
        Set<Set<String>> reported = new HashSet<>();
        for (String source : steps.keySet()) {
            Map<String, List<Step>> firstPath = new LinkedHashMap<>();
            walk(source, new ArrayList<>(), new HashSet<>(Set.of(source)), path -> {
                String target = path.get(path.size() - 1).table();
                List<Step> first = firstPath.putIfAbsent(target, List.copyOf(path));
                if (first != null && reported.add(Set.of(source, target))) {
                    TmdlNode at = Stream.concat(first.stream(), path.stream()).map(s -> s.relationship().node())
                            .max(Comparator.comparing(TmdlNode::file).thenComparingInt(TmdlNode::line)).orElseThrow();
                    problems.add(new Problem(at.file(), at.line(), "ambiguous filter paths from '" + source + "' to '" + target
                            + "': " + describe(tables(source, first)) + " and " + describe(tables(source, path))
                            + " (Power BI keeps one active path between two tables)"));
                }
            });
        }
        return problems;
    }

    private void walk(String table, List<Step> path, Set<String> visited, Consumer<List<Step>> visitor) {
        for (Step step : steps.getOrDefault(table, List.of())) {
            if (visited.add(step.table())) {
                path.add(step);
                visitor.accept(path);
                walk(step.table(), path, visited, visitor);
                path.remove(path.size() - 1);
                visited.remove(step.table());
            }
        }
    }

    private static List<String> tables(String source, List<Step> path) {
        List<String> tables = new ArrayList<>(List.of(source));
        path.forEach(step -> tables.add(step.table()));
        return tables;
    }

    /** A path as messages show it: {@code 'Country' > 'Sales' > 'Customer'}. */
    public static String describe(List<String> tables) {
        return "'" + String.join("' > '", tables) + "'";
    }
}
