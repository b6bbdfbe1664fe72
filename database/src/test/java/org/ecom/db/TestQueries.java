package org.ecom.db;

/** Reads a single number from a test's database. */
public final class TestQueries {

    private TestQueries() {
    }

    public static long count(DatabaseTarget target, String sql) {
        return target.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
