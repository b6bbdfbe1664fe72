package org.ecom.powerbi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model relationship as filters see it: the many side ({@code from}) and the one side
 * ({@code to}) by TMDL's defaults, and which ways a slicer's filter and a role's filter cross it.
 *
 * @param crossFilterBothWays  {@code crossFilteringBehavior: bothDirections}: the from side filters the to side too
 * @param securityBothWays     {@code securityFilteringBehavior: bothDirections}: so does a role's filter
 * @param securityNone         {@code securityFilteringBehavior: none}: a role's filter does not cross it at all
 */
public record Relationship(String name, String fromTable, String fromColumn, String toTable, String toColumn,
                           boolean crossFilterBothWays, boolean securityBothWays, boolean securityNone,
                           boolean active, TmdlNode node) {

    private static final Pattern COLUMN_REF = Pattern.compile("^('(?:[^']|'')+'|[^.']+)\\.('(?:[^']|'')+'|.+)$");

    /** The relationship, if both ends read as {@code Table.column} ({@link ModelChecker} reports those that do not). */
    public static Optional<Relationship> of(TmdlNode node) {
        Optional<String[]> from = end(node.property("fromColumn").orElse(""));
        Optional<String[]> to = end(node.property("toColumn").orElse(""));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        String security = node.property("securityFilteringBehavior").orElse("oneDirection");
        return Optional.of(new Relationship(node.name(), from.get()[0], from.get()[1], to.get()[0], to.get()[1],
                "bothDirections".equals(node.property("crossFilteringBehavior").orElse("oneDirection")),
                "bothDirections".equals(security), "none".equals(security),
                !"false".equals(node.property("isActive").orElse("true")), node));
    }

    /** {@code Table.column} or {@code 'Table name'.'column name'} as {table, column}, unquoted. */
    static Optional<String[]> end(String value) {
        Matcher m = COLUMN_REF.matcher(value);
        return m.matches() ? Optional.of(new String[] {unquote(m.group(1)), unquote(m.group(2))}) : Optional.empty();
    }

    private static String unquote(String name) {
        return name.startsWith("'") ? name.substring(1, name.length() - 1).replace("''", "'") : name;
    }
}
