package org.ecom.powerbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The Power BI project folder (powerbi/): its semantic models, checked with their reports. */
public final class PowerBiProject {

    /** The committed filter-reach matrix, beside the items ({@link FilterReachFile}). */
    public static final String FILTER_REACH_FILE = "filter-reach.txt";

    private PowerBiProject() {
    }

    /**
     * Every problem of the project: against the database the connection opens, and against the
     * T-SQL changelog folder (database/mssql) for what only SQL Server has, collations.
     */
    public static List<Problem> check(Path projectFolder, Path tsqlFolder, Connection database) throws IOException, SQLException {
        DatabaseViews views = new DatabaseViews(database);
        TsqlSchema tsql = TsqlSchema.read(tsqlFolder);
        List<Problem> problems = new ArrayList<>();
        List<Path> models = semanticModelFolders(projectFolder);
        if (models.isEmpty()) {
            problems.add(new Problem(projectFolder, 0, "no *.SemanticModel folder"));
        }
        for (Path item : itemFolders(projectFolder, "")) {
            problems.addAll(ItemPlatform.check(item));
        }
        for (Path folder : models) {
            SemanticModel model = SemanticModel.read(folder);
            problems.addAll(ModelChecker.check(model, views));
            problems.addAll(CollationCheck.check(model, tsql));
            problems.addAll(ReportChecker.check(projectFolder, model));
            problems.addAll(checkFilterReach(projectFolder, model));
        }
        return problems;
    }

    /**
     * The filter paths of the model (no ambiguous one, every measure on its own table's rows) and
     * the matrix they give against the committed {@code filter-reach.txt}.
     */
    static List<Problem> checkFilterReach(Path projectFolder, SemanticModel model) throws IOException {
        List<Problem> problems = new ArrayList<>(FilterGraph.of(model.parsedRelationships(), FilterGraph.Filter.SLICER).ambiguities());
        problems.addAll(FilterReach.measuresOutsideTheirTable(model));
        List<ReportVisual> visuals = new ArrayList<>();
        for (Path report : reportFolders(projectFolder)) {
            visuals.addAll(ReportVisual.read(report));
        }
        problems.addAll(FilterReachFile.check(projectFolder.resolve(FILTER_REACH_FILE), FilterReach.slicers(model, visuals),
                FilterReach.roles(model), visuals, model));
        return problems;
    }

    static List<Path> semanticModelFolders(Path projectFolder) throws IOException {
        return itemFolders(projectFolder, ".SemanticModel");
    }

    static List<Path> reportFolders(Path projectFolder) throws IOException {
        return itemFolders(projectFolder, ".Report");
    }

    /** The item folders (Name.SemanticModel, Name.Report) whose name ends with the suffix. */
    private static List<Path> itemFolders(Path projectFolder, String suffix) throws IOException {
        try (Stream<Path> entries = Files.list(projectFolder)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches(".+\\.(SemanticModel|Report)") && name.endsWith(suffix))
                    .map(projectFolder::resolve).sorted().toList();
        }
    }
}
