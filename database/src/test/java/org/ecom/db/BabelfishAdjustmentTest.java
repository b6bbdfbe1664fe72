package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each Babelfish adjustment on the T-SQL it is for, and on T-SQL it must leave alone. That the
 * adjusted changelog deploys and behaves is the contract suite's part, on Babelfish.
 */
class BabelfishAdjustmentTest {

    @Test
    void aViewOrFunctionIsDroppedWhenItExistsThenCreated() {
        String view = "-- Business question: who buys?\nCREATE OR ALTER VIEW kpi.rfm\nAS\nSELECT 1 AS a;";
        assertEquals(List.of("DROP VIEW IF EXISTS kpi.rfm",
                        "-- Business question: who buys?\nCREATE VIEW kpi.rfm\nAS\nSELECT 1 AS a;"),
                BabelfishAdjustment.CREATE_OR_ALTER_AS_DROP_AND_CREATE.apply(view));
        String function = "CREATE OR ALTER FUNCTION analysis.q01_total_sales (@from date, @to date)\r\nRETURNS TABLE";
        assertEquals(List.of("DROP FUNCTION IF EXISTS analysis.q01_total_sales",
                        "CREATE FUNCTION analysis.q01_total_sales (@from date, @to date)\r\nRETURNS TABLE"),
                BabelfishAdjustment.CREATE_OR_ALTER_AS_DROP_AND_CREATE.apply(function));
    }

    @Test
    void aProcedureGetsAStubWhenMissingThenIsAlteredSoItKeepsItsGrants() {
        String procedure = "CREATE OR ALTER PROCEDURE ml.prune_runs\n    @keep_runs int\nAS\nBEGIN\n    SELECT 1;\nEND;";
        assertEquals(List.of(
                        "IF OBJECT_ID(N'ml.prune_runs', N'P') IS NULL EXEC (N'CREATE PROCEDURE ml.prune_runs AS RETURN;')",
                        "ALTER PROCEDURE ml.prune_runs\n    @keep_runs int\nAS\nBEGIN\n    SELECT 1;\nEND;"),
                BabelfishAdjustment.CREATE_OR_ALTER_AS_DROP_AND_CREATE.apply(procedure));
    }

    @Test
    void aCreateOrAlterInACommentIsLeftAlone() {
        String table = "-- not a CREATE OR ALTER VIEW x\nCREATE TABLE t (a int);";
        assertEquals(List.of(table), BabelfishAdjustment.CREATE_OR_ALTER_AS_DROP_AND_CREATE.apply(table));
    }

    @Test
    void theColumnstoreIndexIsLeftOutAndTheOtherStatementsStay() {
        assertEquals(List.of(), BabelfishAdjustment.CLUSTERED_COLUMNSTORE_LEFT_OUT.apply(
                "CREATE CLUSTERED COLUMNSTORE INDEX cci_invoice_line ON sales.invoice_line"));
        assertEquals(List.of(), BabelfishAdjustment.CLUSTERED_COLUMNSTORE_LEFT_OUT.apply(
                "-- batch-mode scans\nCREATE CLUSTERED COLUMNSTORE INDEX cci_invoice_line ON sales.invoice_line;\n"));
        assertEquals(List.of("\nCREATE INDEX ix_invoice_line_invoice ON sales.invoice_line (invoice_no);"),
                BabelfishAdjustment.CLUSTERED_COLUMNSTORE_LEFT_OUT.apply("CREATE CLUSTERED COLUMNSTORE INDEX cci ON"
                        + " sales.invoice_line;\nCREATE INDEX ix_invoice_line_invoice ON sales.invoice_line (invoice_no);"));
        String rowstore = "CREATE NONCLUSTERED INDEX ix ON sales.invoice_line (stock_code)";
        assertEquals(List.of(rowstore), BabelfishAdjustment.CLUSTERED_COLUMNSTORE_LEFT_OUT.apply(rowstore));
    }

    @Test
    void aRoleIsCreatedWithoutItsOwner() {
        assertEquals(List.of("IF DATABASE_PRINCIPAL_ID(N'etl_loader') IS NULL\n    CREATE ROLE etl_loader;"),
                BabelfishAdjustment.ROLE_OWNED_BY_CREATOR.apply(
                        "IF DATABASE_PRINCIPAL_ID(N'etl_loader') IS NULL\n    CREATE ROLE etl_loader AUTHORIZATION dbo;"));
        String schema = "IF SCHEMA_ID(N'kpi') IS NULL EXEC (N'CREATE SCHEMA kpi AUTHORIZATION dbo;');";
        assertEquals(List.of(schema), BabelfishAdjustment.ROLE_OWNED_BY_CREATOR.apply(schema));
    }

    @Test
    void theBulkOperationsGrantIsLeftOutWithItsGuard() {
        String guarded = "-- Azure SQL Database needs it\nIF EXISTS (SELECT 1\n           FROM sys.fn_builtin_permissions(N'DATABASE')\n"
                + "           WHERE permission_name = N'ADMINISTER DATABASE BULK OPERATIONS')\n"
                + "    GRANT ADMINISTER DATABASE BULK OPERATIONS TO etl_loader";
        assertEquals(List.of(), BabelfishAdjustment.BULK_OPERATIONS_GRANT_LEFT_OUT.apply(guarded));
        String insert = "GRANT SELECT, INSERT ON OBJECT::staging.retail_line TO etl_loader";
        assertEquals(List.of(insert), BabelfishAdjustment.BULK_OPERATIONS_GRANT_LEFT_OUT.apply(insert));
    }

    @Test
    void foreignKeysAreLeftOutExceptTheCascadingOnes() {
        String lines = """
                CREATE TABLE sales.invoice_line (
                    invoice_no varchar(20) COLLATE Latin1_General_100_BIN2 NOT NULL,
                    quantity   int NOT NULL,
                    CONSTRAINT pk_invoice_line PRIMARY KEY NONCLUSTERED (invoice_line_id),
                    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_no)
                        REFERENCES sales.invoice (invoice_no),
                    CONSTRAINT ck_invoice_line_quantity CHECK (quantity > 0)
                );""";
        assertEquals(List.of("""
                CREATE TABLE sales.invoice_line (
                    invoice_no varchar(20) COLLATE Latin1_General_100_BIN2 NOT NULL,
                    quantity   int NOT NULL,
                    CONSTRAINT pk_invoice_line PRIMARY KEY NONCLUSTERED (invoice_line_id),
                    CONSTRAINT ck_invoice_line_quantity CHECK (quantity > 0)
                );"""), BabelfishAdjustment.FOREIGN_KEYS_LEFT_OUT_UNLESS_CASCADING.apply(lines));
        String segments = """
                CREATE TABLE ml.customer_segment (
                    run_id bigint NOT NULL,
                    CONSTRAINT fk_customer_segment_run FOREIGN KEY (run_id)
                        REFERENCES ml.model_run (run_id) ON DELETE CASCADE
                );""";
        assertEquals(List.of(segments), BabelfishAdjustment.FOREIGN_KEYS_LEFT_OUT_UNLESS_CASCADING.apply(segments));
    }

    @Test
    void updateStatisticsAndExecuteAsOwnerAreLeftOut() {
        assertEquals(List.of("CREATE OR ALTER PROCEDURE staging.refresh_statistics\n    @step varchar(20)\nAS\nBEGIN\n"
                        + "    IF @step = 'load'\n    BEGIN\n        SET NOCOUNT ON;\n    END"),
                BabelfishAdjustment.UPDATE_STATISTICS_LEFT_OUT.apply(
                        "CREATE OR ALTER PROCEDURE staging.refresh_statistics\n    @step varchar(20)\nWITH EXECUTE AS OWNER\nAS\nBEGIN\n"
                                + "    IF @step = 'load'\n    BEGIN\n        UPDATE STATISTICS staging.retail_line;\n    END"));
    }

    /** An adjustment that nothing in the changelog needs any more is dead code: each must change some file. */
    @Test
    void everyAdjustmentChangesSomethingInTheChangelog() {
        List<String> files = ProjectFiles.sqlFiles(Dialect.MSSQL).stream()
                .map(f -> ProjectFiles.read(Dialect.MSSQL, f))
                .toList();
        for (BabelfishAdjustment adjustment : BabelfishAdjustment.values()) {
            assertTrue(files.stream().anyMatch(text -> !adjustment.apply(text).equals(List.of(text))),
                    adjustment + " changes no file of database/mssql");
            assertFalse(adjustment.reason().isBlank());
            assertFalse(adjustment.sqlServerGets().isBlank());
        }
    }
}
