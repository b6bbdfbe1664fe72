package org.ecom.powerbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A PBIP semantic model folder ({@code <name>.SemanticModel}) read from its TMDL files. */
public record SemanticModel(Path folder, List<TmdlNode> tables, List<TmdlNode> relationships, List<TmdlNode> roles,
                            List<TmdlNode> expressions) {

    public static SemanticModel read(Path folder) throws IOException {
        Path definition = folder.resolve("definition");
        return new SemanticModel(folder,
                objects(tmdlFiles(definition.resolve("tables")), "table"),
                objects(List.of(definition.resolve("relationships.tmdl")), "relationship"),
                objects(tmdlFiles(definition.resolve("roles")), "role"),
                objects(List.of(definition.resolve("expressions.tmdl")), "expression"));
    }

    public Optional<TmdlNode> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public boolean hasColumn(String table, String column) {
        return table(table).map(t -> t.children("column").stream().anyMatch(c -> c.name().equals(column))).orElse(false);
    }

    public boolean hasMeasure(String table, String measure) {
        return table(table).map(t -> t.children("measure").stream().anyMatch(m -> m.name().equals(measure))).orElse(false);
    }

    /** A bare {@code [Measure]} may live in any table: measure names are unique across a model. */
    public boolean hasMeasureAnywhere(String measure) {
        return tables.stream().anyMatch(t -> hasMeasure(t.name(), measure));
    }

    /** The table that declares the measure, if any. */
    public Optional<String> measureTable(String measure) {
        return tables.stream().filter(t -> hasMeasure(t.name(), measure)).map(TmdlNode::name).findFirst();
    }

    /** The relationships whose ends both read as {@code Table.column}, as filters see them. */
    public List<Relationship> parsedRelationships() {
        return relationships.stream().map(Relationship::of).flatMap(Optional::stream).toList();
    }

    private static List<Path> tmdlFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".tmdl")).sorted().toList();
        }
    }

    private static List<TmdlNode> objects(List<Path> files, String keyword) throws IOException {
        List<TmdlNode> found = new ArrayList<>();
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                TmdlReader.read(file).stream().filter(n -> n.keyword().equals(keyword)).forEach(found::add);
            }
        }
        return found;
    }
}
