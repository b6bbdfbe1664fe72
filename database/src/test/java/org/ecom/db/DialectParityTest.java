package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every database object exists in both dialects: same file at the same place, deployed in the
 * same order, under the same changeset ids.
 */
class DialectParityTest {

    @Test
    void everySqlFileHasItsCounterpartInTheOtherDialect() {
        List<String> postgresql = ProjectFiles.sqlFiles(Dialect.POSTGRESQL);
        List<String> mssql = ProjectFiles.sqlFiles(Dialect.MSSQL);
        assertFalse(postgresql.isEmpty(), "no .sql file under database/postgresql");
        assertEquals(List.of(), missingFrom(mssql, postgresql), "in database/postgresql but not in database/mssql");
        assertEquals(List.of(), missingFrom(postgresql, mssql), "in database/mssql but not in database/postgresql");
    }

    @Test
    void bothChangelogsIncludeTheSameFilesInTheSameOrder() {
        List<String> postgresql = ProjectFiles.includes(Dialect.POSTGRESQL);
        assertFalse(postgresql.isEmpty(), "database/postgresql/changelog.yaml includes nothing");
        assertEquals(postgresql, ProjectFiles.includes(Dialect.MSSQL));
    }

    @Test
    void everySqlFileIsIncludedExactlyOnce() {
        for (Dialect dialect : Dialect.values()) {
            List<String> included = ProjectFiles.includes(dialect);
            assertEquals(ProjectFiles.sqlFiles(dialect), included.stream().sorted().toList(),
                    "the .sql files of database/" + dialect.liquibaseName() + " and the ones its changelog.yaml includes");
        }
    }

    @Test
    void eachFileHasTheSameChangesetIdsInBothDialects() {
        for (String file : ProjectFiles.sqlFiles(Dialect.POSTGRESQL)) {
            List<String> postgresql = ProjectFiles.changesetIds(Dialect.POSTGRESQL, file);
            assertFalse(postgresql.isEmpty(), "no --changeset line in database/postgresql/" + file);
            assertEquals(postgresql, ProjectFiles.changesetIds(Dialect.MSSQL, file), "changeset ids of " + file);
        }
    }

    private static List<String> missingFrom(List<String> files, List<String> expected) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(files);
        return missing;
    }
}
