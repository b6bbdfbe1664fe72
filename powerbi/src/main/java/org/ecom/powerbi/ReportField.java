package org.ecom.powerbi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A model field a report file uses: {@code Column} or {@code Measure} on a {@code SourceRef}
 * entity, wherever it appears (projections, sorts, filters, formatting expressions).
 */
public record ReportField(String entity, String property, boolean measure) {

    /** Every field under the node, in document order. A {@code Source} alias inside a filter's From clause is not one: its clause names the entity. */
    public static List<ReportField> in(JsonNode node) {
        List<ReportField> fields = new ArrayList<>();
        collect(node, fields);
        return fields;
    }

    private static void collect(JsonNode node, List<ReportField> into) {
        if (node.isObject()) {
            add(node.get("Column"), false, into);
            add(node.get("Measure"), true, into);
        }
        node.forEach(child -> collect(child, into));
    }

    private static void add(JsonNode field, boolean measure, List<ReportField> into) {
        if (field == null || !field.has("Property")) {
            return;
        }
        String entity = field.path("Expression").path("SourceRef").path("Entity").asText(null);
        if (entity != null) {
            into.add(new ReportField(entity, field.get("Property").asText(), measure));
        }
    }

    public boolean existsIn(SemanticModel model) {
        return measure ? model.hasMeasure(entity, property) : model.hasColumn(entity, property);
    }

    @Override
    public String toString() {
        return "'" + entity + "'[" + property + "]";
    }
}
