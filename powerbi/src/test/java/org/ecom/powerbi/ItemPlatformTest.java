package org.ecom.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemPlatformTest {

    private static final Path PROJECT = TestProject.folder();

    @Test
    void bothItemsSayWhatTheyAreForFabricGitIntegration() throws Exception {
        ItemPlatform model = ItemPlatform.read(PROJECT.resolve("Ecom.SemanticModel"));
        ItemPlatform report = ItemPlatform.read(PROJECT.resolve("Ecom.Report"));
        assertEquals(List.of("SemanticModel", "Ecom", "Report", "Ecom"),
                List.of(model.type(), model.displayName(), report.type(), report.displayName()));
        assertNotEquals(model.logicalId(), report.logicalId());
        assertEquals(List.of(), ItemPlatform.check(PROJECT.resolve("Ecom.Report")));
    }

    @Test
    void aMissingOrMistypedPlatformFileIsAProblemAtTheFile(@TempDir Path project) throws Exception {
        Path model = Files.createDirectories(project.resolve("Ecom.SemanticModel"));
        Path report = Files.createDirectories(project.resolve("Ecom.Report"));
        Files.writeString(report.resolve(".platform"), """
                {"metadata": {"type": "SemanticModel", "displayName": "Ecom"}, "config": {"version": "2.0", "logicalId": "x"}}
                """);

        assertEquals(model.resolve(".platform") + ":1: no .platform file: Fabric Git integration identifies the item by it",
                String.join("\n", ItemPlatform.check(model).stream().map(Problem::toString).toList()));
        assertEquals(List.of(report.resolve(".platform") + ":1: config.logicalId is not a UUID: 'x'",
                        report.resolve(".platform") + ":1: metadata.type is SemanticModel, the folder holds a Report"),
                ItemPlatform.check(report).stream().map(Problem::toString).toList());
    }
}
