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

    private PowerBiProject() {
    }

    /** Every problem of the project against the database the connection opens, in file order. */
    public static List<Problem> check(Path projectFolder, Connection database) throws IOException, SQLException {
        DatabaseViews views = new DatabaseViews(database);
        List<Problem> problems = new ArrayList<>();
        List<Path> models = semanticModelFolders(projectFolder);
        if (models.isEmpty()) {
            problems.add(new Problem(projectFolder, 0, "no *.SemanticModel folder"));
        }
        for (Path folder : models) {
            SemanticModel model = SemanticModel.read(folder);
            problems.addAll(ModelChecker.check(model, views));
            problems.addAll(ReportChecker.check(projectFolder, model));
        }
        return problems;
    }

    static List<Path> semanticModelFolders(Path projectFolder) throws IOException {
        try (Stream<Path> entries = Files.list(projectFolder)) {
            return entries.filter(Files::isDirectory).filter(p -> p.getFileName().toString().endsWith(".SemanticModel")).sorted().toList();
        }
    }
}
