package org.ecom.powerbi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model objects a DAX expression names: {@code 'Table'[Column or Measure]}, {@code Table[...]}
 * and bare {@code [Measure]}. String literals and comments are blanked first so that text inside
 * them is not taken for a reference.
 */
public final class DaxReferences {

    /** A reference; table is null for a bare {@code [Measure]}; lineOffset counts from the expression's first line. */
    public record Reference(String table, String name, int lineOffset) {
        @Override
        public String toString() {
            return (table == null ? "" : "'" + table + "'") + "[" + name + "]";
        }
    }

    private static final Pattern REFERENCE =
            Pattern.compile("(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_]*))?\\[([^\\]]+)\\]");
    private static final Pattern STRING_OR_COMMENT = Pattern.compile("\"(?:[^\"]|\"\")*\"|//[^\\n]*|--[^\\n]*");

    private DaxReferences() {
    }

    public static List<Reference> in(String dax) {
        String code = blank(dax);
        List<Reference> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            String table = m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2);
            int lineOffset = (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            references.add(new Reference(table, m.group(3).replace("]]", "]"), lineOffset));
        }
        return references;
    }

    /** The text with string literals and comments replaced by spaces, line breaks kept. */
    static String blank(String dax) {
        Matcher m = STRING_OR_COMMENT.matcher(dax);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
