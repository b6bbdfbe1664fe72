package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContractEnginesTest {

    /** A table the shared T-SQL database did not empty kept one test's rows for the next (quality.measure_count did). */
    @Test
    void theSharedTsqlDatabaseEmptiesEveryTableButTheSeededOnes() {
        List<String> tables = ProjectFiles.sqlFiles(Dialect.MSSQL).stream()
                .filter(file -> file.matches("[a-z_]+/tables/[a-z_]+\\.sql"))
                .map(file -> file.replace("/tables/", ".").replace(".sql", ""))
                .sorted()
                .toList();
        List<String> handled = new ArrayList<>(Stream.concat(ContractEngines.TABLES_CHILDREN_FIRST.stream(),
                ContractEngines.SEEDED_TABLES.stream()).sorted().toList());
        assertEquals(tables, handled);
    }
}
