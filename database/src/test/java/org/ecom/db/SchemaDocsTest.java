package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** docs/schema.md is what ./ecom docs writes from the changelog deployed now. */
@DatabaseTest
class SchemaDocsTest {

    @Test
    void theCommittedSchemaReferenceIsUpToDate() throws Exception {
        String generated;
        try (Connection c = ContractEngines.freshPostgres().connect()) {
            generated = SchemaDocs.markdown(c);
        }
        Path committed = ProjectFiles.root().resolve("docs/schema.md");
        assertTrue(Files.isRegularFile(committed), committed + " is missing: run ./ecom docs --out docs/schema.md");
        assertEquals(generated, Files.readString(committed, StandardCharsets.UTF_8),
                "docs/schema.md is out of date with the changelog: run ./ecom docs --out docs/schema.md and commit it");
    }

    @Test
    void everyTableViewAndProcedureIsThereWithItsComment() throws Exception {
        String generated;
        try (Connection c = ContractEngines.freshPostgres().connect()) {
            generated = SchemaDocs.markdown(c);
        }
        assertTrue(generated.contains("    invoice_line {\n"), "the sales diagram has the fact table");
        assertTrue(generated.contains("        bigint batch_id PK\n"), "keys are marked");
        assertTrue(generated.contains("    model_run ||--o{ customer_segment : \"run_id\"\n"), "foreign keys are drawn");
        for (String[] object : new String[][] {{"mart.refresh_summaries", "procedure", "mart/procedures/refresh_summaries.sql"},
                {"kpi.rfm", "view", "kpi/views/rfm.sql"}, {"staging.classify_batch", "function", "staging/functions/classify_batch.sql"}}) {
            String comment = SchemaDocs.headerComment("db/postgresql/" + object[2]);
            assertTrue(comment.length() > 40 && !comment.contains("--"), object[0] + ": its file's header comment, " + comment);
            assertTrue(generated.contains("| `" + object[0] + "` | " + object[1] + " | " + comment.replace("|", "\\|") + " |\n"),
                    object[0] + " carries its header comment");
        }
    }
}
