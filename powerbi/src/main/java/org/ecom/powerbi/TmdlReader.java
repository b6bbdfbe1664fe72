package org.ecom.powerbi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the subset of TMDL this project writes: tab indentation gives the nesting; a line starting
 * with a known object keyword opens an object ({@code measure 'Name' = expression}), other lines
 * are properties of the object above ({@code dataType: int64}, {@code isHidden}, or
 * {@code source =} followed by a more indented block). An expression continues on the lines
 * indented two levels deeper than the line that opened it, as TMDL writes them. {@code ///} lines
 * describe the next object. Not supported (not used here): backtick-fenced expressions.
 */
public final class TmdlReader {

    private static final Set<String> OBJECT_KEYWORDS = Set.of("model", "database", "table", "column", "measure",
            "partition", "relationship", "role", "tablePermission", "expression", "annotation", "ref",
            "hierarchy", "level", "queryGroup", "cultureInfo", "dataAccessOptions", "member");
    private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z][A-Za-z0-9]*):\\s*(.*)$");
    private static final Pattern EXPRESSION_PROPERTY = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)\\s*=\\s*(.*)$");

    private TmdlReader() {
    }

    public static List<TmdlNode> read(Path file) throws IOException {
        return read(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** The top-level objects of a TMDL text; {@code file} only names it in locations. */
    public static List<TmdlNode> read(Path file, List<String> lines) {
        List<Builder> roots = new ArrayList<>();
        List<Builder> open = new ArrayList<>(); // open.get(depth): the object declared at that depth
        StringBuilder description = new StringBuilder();
        Builder collecting = null; // the object or property whose expression continues below
        String collectingProperty = null;
        int collectingDepth = 0;

        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int lineNo = i + 1;
            int depth = indentation(raw);
            String text = raw.strip();
            if (collecting != null && (text.isEmpty() || depth >= collectingDepth + 2)) {
                collecting.appendExpression(collectingProperty, text.isEmpty() ? "" : raw.substring(collectingDepth + 2));
                continue;
            }
            collecting = null;
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("///")) {
                description.append(description.isEmpty() ? "" : " ").append(text.substring(3).strip());
                continue;
            }
            String keyword = text.split("[\\s=]", 2)[0];
            if (OBJECT_KEYWORDS.contains(keyword)) {
                Builder node = Builder.declared(keyword, text.substring(keyword.length()).strip(), description.toString(), file, lineNo);
                description.setLength(0);
                while (open.size() > depth) {
                    open.remove(open.size() - 1);
                }
                if (depth == 0) {
                    roots.add(node);
                } else if (open.size() == depth) {
                    open.get(depth - 1).children.add(node);
                } else {
                    throw new TmdlException(file, lineNo, "indented deeper than the object above it");
                }
                open.add(node);
                if (node.expression.isEmpty() && node.hasEquals) {
                    collecting = node;
                    collectingProperty = null;
                    collectingDepth = depth;
                }
                continue;
            }
            if (depth == 0 || open.size() < depth) {
                throw new TmdlException(file, lineNo, "property outside an object: " + text);
            }
            Builder owner = open.get(depth - 1);
            Matcher property = PROPERTY.matcher(text);
            Matcher expression = EXPRESSION_PROPERTY.matcher(text);
            if (property.matches()) {
                owner.properties.put(property.group(1), property.group(2));
            } else if (expression.matches()) {
                owner.properties.put(expression.group(1), expression.group(2));
                if (expression.group(2).isEmpty()) {
                    collecting = owner;
                    collectingProperty = expression.group(1);
                    collectingDepth = depth;
                }
            } else if (text.matches("[A-Za-z]+")) {
                owner.properties.put(text, "true");
            } else {
                throw new TmdlException(file, lineNo, "cannot read: " + text);
            }
        }
        return roots.stream().map(Builder::build).toList();
    }

    private static int indentation(String line) {
        int tabs = 0;
        while (tabs < line.length() && line.charAt(tabs) == '\t') {
            tabs++;
        }
        return tabs;
    }

    /**
     * Splits "'Name with spaces' = expr" or "Name = expr" or "Name" into name and expression. TMDL
     * quotes a name with single quotes, a quote inside doubled.
     */
    static String[] nameAndExpression(String rest) {
        String name;
        String after;
        if (rest.startsWith("'")) {
            int end = 1;
            StringBuilder unquoted = new StringBuilder();
            while (end < rest.length()) {
                char c = rest.charAt(end);
                if (c == '\'' && end + 1 < rest.length() && rest.charAt(end + 1) == '\'') {
                    unquoted.append('\'');
                    end += 2;
                } else if (c == '\'') {
                    break;
                } else {
                    unquoted.append(c);
                    end++;
                }
            }
            name = unquoted.toString();
            after = rest.substring(Math.min(end + 1, rest.length())).strip();
        } else {
            int equals = rest.indexOf('=');
            name = (equals < 0 ? rest : rest.substring(0, equals)).strip();
            after = equals < 0 ? "" : rest.substring(equals).strip();
        }
        return new String[] {name, after};
    }

    private static final class Builder {
        final String keyword;
        final String name;
        final boolean hasEquals;
        final StringBuilder expression = new StringBuilder();
        int expressionLine;
        final Map<String, StringBuilder> expressionProperties = new LinkedHashMap<>();
        final Map<String, String> properties = new LinkedHashMap<>();
        final List<Builder> children = new ArrayList<>();
        final String description;
        final Path file;
        final int line;

        private Builder(String keyword, String name, String expression, boolean hasEquals, String description, Path file, int line) {
            this.keyword = keyword;
            this.name = name;
            this.hasEquals = hasEquals;
            this.expression.append(expression);
            this.expressionLine = expression.isEmpty() ? line + 1 : line;
            this.description = description;
            this.file = file;
            this.line = line;
        }

        static Builder declared(String keyword, String rest, String description, Path file, int line) {
            String[] parts = nameAndExpression(rest);
            boolean hasEquals = parts[1].startsWith("=");
            String expression = hasEquals ? parts[1].substring(1).strip() : "";
            return new Builder(keyword, parts[0], expression, hasEquals, description, file, line);
        }

        void appendExpression(String property, String text) {
            StringBuilder target = property == null ? expression
                    : expressionProperties.computeIfAbsent(property, k -> new StringBuilder());
            if (!target.isEmpty()) {
                target.append('\n');
            }
            target.append(text);
        }

        TmdlNode build() {
            Map<String, String> all = new LinkedHashMap<>(properties);
            expressionProperties.forEach((key, value) -> all.put(key, value.toString().strip()));
            return new TmdlNode(keyword, name, expression.toString().strip(), expressionLine, Map.copyOf(all),
                    children.stream().map(Builder::build).toList(), description, file, line);
        }
    }
}
