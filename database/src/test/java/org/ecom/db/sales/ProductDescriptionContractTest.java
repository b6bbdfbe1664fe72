package org.ecom.db.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.ecom.db.ContractEngines;
import org.ecom.db.DatabaseTest;
import org.ecom.db.Rows;
import org.ecom.db.StagingFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17, case 6: a product's description follows its latest batch, except that one holding
 * U+FFFD (text lost to a wrong decoding upstream) never replaces a good one.
 */
@DatabaseTest
class ProductDescriptionContractTest {

    private static final String GOOD = "CAF\u00c9 CR\u00c8ME";
    private static final String LOST = "CAF\ufffd CR\ufffdME";

    private static String descriptionAfter(Connection c, StagingFixture staging, String file, String... descriptions)
            throws SQLException {
        long batch = staging.batch(file, descriptions.length);
        for (int i = 0; i < descriptions.length; i++) {
            staging.line(batch, i + 2, "5" + file.hashCode() % 1000 + i, "22350", descriptions[i], 1,
                    "2010-0" + (i + 1) + "-01 10:00:00", "2.10", 12346, "France");
        }
        staging.process(batch);
        return Rows.scalar(c, "SELECT description FROM sales.product WHERE stock_code = '22350'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ecom.db.ContractEngines#all")
    void aDescriptionWithLostCharactersNeverReplacesAGoodOne(ContractEngines.Engine engine) throws SQLException {
        try (Connection c = engine.freshConnection()) {
            StagingFixture staging = new StagingFixture(c, engine.dialect());
            assertEquals(GOOD, descriptionAfter(c, staging, "one.csv", GOOD));
            assertEquals(GOOD, descriptionAfter(c, staging, "two.csv", LOST), "a later batch with lost characters");
            assertEquals(GOOD + " NEW", descriptionAfter(c, staging, "three.csv", GOOD + " NEW", LOST),
                    "the latest good one wins within a batch, and replaces the earlier one");
        }
    }
}
