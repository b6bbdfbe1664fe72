package org.ecom.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that needs a deployed database (embedded PostgreSQL, and SQL Server when
 * ECOM_TEST_MSSQL_URL is set): Failsafe runs it in the integration-test phase, Surefire leaves it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
public @interface DatabaseTest {
}
