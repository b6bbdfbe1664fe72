package org.ecom.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.change.CheckSum;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * A changeset that has run once must keep its text: Liquibase refuses to deploy over a database
 * whose DATABASECHANGELOG holds another checksum for it ("checksum changed"), which a DBA meets
 * only at the next release. database/changeset-checksums.txt pins the checksum of every changeset
 * that runs once (runOnChange ones, the procedures and views, are meant to change); a changed one
 * fails here, at its line, unless it lists the pinned checksum as a validCheckSum. A new changeset
 * fails until its line is added, so that the pin is a decision, not an accident.
 */
class ChangesetChecksumTest {

    private static final Path PINS = ProjectFiles.root().resolve("database/changeset-checksums.txt");

    @Test
    void everyChangesetThatRunsOnceKeepsItsPinnedChecksum() throws Exception {
        Map<String, String> pinned = pins();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Dialect dialect : Dialect.values()) {
            for (ChangeSet changeSet : changeSets(dialect)) {
                if (changeSet.isRunOnChange()) {
                    continue;
                }
                String key = dialect.liquibaseName() + " " + changeSet.getFilePath() + "::" + changeSet.getId()
                        + "::" + changeSet.getAuthor();
                String pin = pinned.remove(key);
                CheckSum now = changeSet.generateCheckSum(liquibase.ChecksumVersion.latest());
                if (pin == null) {
                    missing.add(key + " " + now);
                } else if (!changeSet.isCheckSumValid(CheckSum.parse(pin))) {
                    problems.add(key + ": checksum " + now + ", pinned " + pin + ": a deployed database refuses this"
                            + " change; put the change in a new changeset (or, if the old text was wrong everywhere,"
                            + " add --validCheckSum: " + pin + ")");
                }
            }
        }
        assertEquals("", String.join("\n", problems), "changed changesets");
        assertEquals("", String.join("\n", missing), "changesets with no pin: add these lines to " + PINS);
        assertEquals(Map.of(), pinned, "pins of changesets no changelog has any more (a deployed database still lists"
                + " them: remove a changeset only with a migration that says why)");
    }

    @Test
    void thePinsAreNotEmpty() throws IOException {
        assertFalse(pins().isEmpty(), PINS + " pins nothing");
    }

    /** "dialect file::id::author" to checksum; '#' starts a comment. */
    private static Map<String, String> pins() throws IOException {
        Map<String, String> pins = new TreeMap<>();
        for (String line : Files.readAllLines(PINS, StandardCharsets.UTF_8)) {
            String text = line.replaceFirst("#.*", "").strip();
            if (!text.isEmpty()) {
                String[] fields = text.split("\\s+");
                pins.put(fields[0] + " " + fields[1], fields[2]);
            }
        }
        return pins;
    }

    private static List<ChangeSet> changeSets(Dialect dialect) throws Exception {
        ResourceAccessor resources = new ClassLoaderResourceAccessor();
        return Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources), () -> {
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(dialect.changelog(), resources)
                    .parse(dialect.changelog(), new ChangeLogParameters(), resources);
            return changeLog.getChangeSets();
        });
    }
}
