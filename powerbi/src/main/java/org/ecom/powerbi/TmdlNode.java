package org.ecom.powerbi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object of a TMDL file ({@code table}, {@code column}, {@code measure}, {@code partition},
 * {@code relationship}, {@code role}, {@code tablePermission}, {@code expression}...), as
 * {@link TmdlReader} reads it.
 *
 * @param keyword     the object type, e.g. {@code measure}
 * @param name        its name, unquoted ({@code 'Average order value'} gives {@code Average order value})
 * @param expression  what follows {@code =} on its line and the more indented lines under it, or ""
 * @param expressionLine the file line where the expression starts
 * @param properties  {@code name: value} lines, {@code name = expression} blocks (e.g. a partition's
 *                    {@code source}) and bare flags ({@code isHidden} reads as "true")
 * @param description its {@code ///} doc comment, or ""
 */
public record TmdlNode(String keyword, String name, String expression, int expressionLine,
                       Map<String, String> properties, List<TmdlNode> children,
                       String description, Path file, int line) {

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    public List<TmdlNode> children(String childKeyword) {
        return children.stream().filter(c -> c.keyword.equals(childKeyword)).toList();
    }

    /** Where the object is declared, for messages: {@code path:line}. */
    public String location() {
        return file + ":" + line;
    }
}
