package org.ecom.powerbi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed filter-reach matrix ({@code powerbi/filter-reach.txt}) against the one the model
 * and report give ({@link FilterReach}). The file has a {@code slicers <name>...} section, one
 * line per visual ({@code page/visual} and a cell per slicer), and a {@code role '<name>'}
 * section per role, one line per table ({@code 'Table name'} and a cell). A cell is yes, no, -
 * or hidden; a no is a deliberate exception and says why after {@code #}. Every difference is a
 * problem at the file's line, so a change to the model or the report that alters what a slicer
 * or a role reaches fails the build until the matrix says so too.
 */
public final class FilterReachFile {

    private record Row(String name, List<String> cells, boolean hasReason, int line) {
    }

    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    private FilterReachFile(Path file) {
        this.file = file;
    }

    public static List<Problem> check(Path file, Map<String, Map<String, FilterReach.Cell>> slicers,
                                      Map<String, Map<String, FilterReach.Cell>> roles, List<ReportVisual> visuals,
                                      SemanticModel model) throws IOException {
        FilterReachFile checker = new FilterReachFile(file);
        if (!Files.isRegularFile(file)) {
            checker.problems.add(new Problem(file, 0, "no filter-reach matrix: write one (see powerbi/README.md)"));
            return checker.problems;
        }
        checker.compare(Files.readAllLines(file, StandardCharsets.UTF_8), slicers, roles, visuals, model);
        return checker.problems;
    }

    private void compare(List<String> lines, Map<String, Map<String, FilterReach.Cell>> slicers,
                         Map<String, Map<String, FilterReach.Cell>> roles, List<ReportVisual> visuals, SemanticModel model) {
        List<String> columns = null;
        int columnsLine = 0;
        String role = null;
        Map<String, Row> slicerRows = new LinkedHashMap<>();
        Map<String, Map<String, Row>> roleRows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String text = lines.get(i).strip();
            int hash = text.indexOf('#');
            boolean hasReason = hash >= 0 && !text.substring(hash + 1).isBlank();
            String content = (hash >= 0 ? text.substring(0, hash) : text).strip();
            if (content.isEmpty()) {
                continue;
            }
            List<String> tokens = tokens(content);
            if (tokens.get(0).equals("slicers")) {
                columns = tokens.subList(1, tokens.size());
                columnsLine = lineNo;
                role = null;
            } else if (tokens.get(0).equals("role") && tokens.size() == 2) {
                role = tokens.get(1);
                roleRows.put(role, new LinkedHashMap<>());
            } else if (role != null && tokens.size() == 2) {
                add(roleRows.get(role), new Row(tokens.get(0), tokens.subList(1, 2), hasReason, lineNo));
            } else if (role == null && columns != null && tokens.size() == columns.size() + 1) {
                add(slicerRows, new Row(tokens.get(0), tokens.subList(1, tokens.size()), hasReason, lineNo));
            } else {
                problems.add(new Problem(file, lineNo, "cannot read: expected " + (role != null ? "a table and a cell"
                        : columns != null ? "a visual and " + columns.size() + " cells" : "a 'slicers <name>...' line first")));
            }
        }
        if (columns == null) {
            problems.add(new Problem(file, 0, "no 'slicers <name>...' section"));
            return;
        }
        compareSlicers(columns, columnsLine, slicerRows, slicers, visuals, model);
        compareRoles(roleRows, roles, model);
    }

    private void add(Map<String, Row> rows, Row row) {
        if (rows.putIfAbsent(row.name(), row) != null) {
            problems.add(new Problem(file, row.line(), row.name() + " is listed twice"));
        }
    }

    private void compareSlicers(List<String> columns, int columnsLine, Map<String, Row> rows,
                                Map<String, Map<String, FilterReach.Cell>> actual, List<ReportVisual> visuals, SemanticModel model) {
        Set<String> reportSlicers = new HashSet<>();
        actual.values().forEach(cells -> reportSlicers.addAll(cells.keySet()));
        for (String slicer : reportSlicers) {
            if (!columns.contains(slicer)) {
                problems.add(new Problem(file, columnsLine, "slicer " + slicer + " has no column"));
            }
        }
        for (Row row : rows.values()) {
            Map<String, FilterReach.Cell> cells = actual.get(row.name());
            if (cells == null) {
                boolean unknownFields = visuals.stream().anyMatch(v -> v.key().equals(row.name())
                        && v.fields().stream().anyMatch(f -> !f.existsIn(model)));
                if (!unknownFields) { // else ReportChecker names the fields the model lacks
                    problems.add(new Problem(file, row.line(), "no visual " + row.name() + " shows rows of the model: remove the line"));
                }
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                FilterReach.Cell cell = cells.getOrDefault(columns.get(c), new FilterReach.Cell("-", "no such slicer in the report"));
                compareCell(row, row.name() + ", " + columns.get(c), row.cells().get(c), cell);
            }
        }
        for (ReportVisual visual : visuals) {
            Map<String, FilterReach.Cell> cells = actual.get(visual.key());
            if (cells != null && !rows.containsKey(visual.key())) {
                StringBuilder computed = new StringBuilder(visual.key());
                columns.forEach(c -> computed.append(' ').append(cells.getOrDefault(c, new FilterReach.Cell("-", "")).value()));
                problems.add(new Problem(visual.file(), 1, "visual " + visual.key() + " is not in " + file.getFileName()
                        + ": add the line '" + computed + "'"));
            }
        }
    }

    private void compareRoles(Map<String, Map<String, Row>> rows, Map<String, Map<String, FilterReach.Cell>> actual, SemanticModel model) {
        for (var role : actual.entrySet()) {
            Map<String, Row> roleRows = rows.get(role.getKey());
            if (roleRows == null) {
                problems.add(new Problem(file, 0, "no section role '" + role.getKey() + "'"));
                continue;
            }
            for (var table : role.getValue().entrySet()) {
                Row row = roleRows.get(table.getKey());
                if (row == null) {
                    TmdlNode node = model.table(table.getKey()).orElseThrow();
                    problems.add(new Problem(node.file(), node.line(), "table '" + table.getKey() + "' is not in " + file.getFileName()
                            + " under role '" + role.getKey() + "': it is " + table.getValue().value() + " (" + table.getValue().why() + ")"));
                } else {
                    compareCell(row, "role '" + role.getKey() + "' on '" + row.name() + "'", row.cells().get(0), table.getValue());
                }
            }
            for (Row row : roleRows.values()) {
                if (!role.getValue().containsKey(row.name())) {
                    problems.add(new Problem(file, row.line(), "no table '" + row.name() + "' in the model: remove the line"));
                }
            }
        }
        for (String role : rows.keySet()) {
            if (!actual.containsKey(role)) {
                problems.add(new Problem(file, 0, "no role '" + role + "' in the model: remove its section"));
            }
        }
    }

    private void compareCell(Row row, String what, String expected, FilterReach.Cell actual) {
        if (!expected.equals(actual.value())) {
            problems.add(new Problem(file, row.line(), what + ": the matrix says " + expected + ", the model and report give "
                    + actual.value() + " (" + actual.why() + ")"));
        } else if (expected.equals("no") && !row.hasReason()) {
            problems.add(new Problem(file, row.line(), what + ": a no is a deliberate exception; say why after #"));
        }
    }

    /** Whitespace-separated words; a name with spaces is quoted as TMDL quotes it ('Revenue forecast', '' for a quote). */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
            } else if (text.charAt(i) == '\'') {
                String[] quoted = TmdlReader.nameAndExpression(text.substring(i));
                tokens.add(quoted[0]);
                i = text.length() - quoted[1].length();
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }
}
