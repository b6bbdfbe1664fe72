package org.ecom.db;

import java.util.Locale;

/** The two SQL dialects every database object is written in, and where each changelog lives. */
public enum Dialect {
    /** PostgreSQL 15+: the embedded default and the engine the tests run on. */
    POSTGRESQL("postgresql"),
    /** T-SQL for SQL Server 2019+ and Azure SQL Database: the production target. */
    MSSQL("mssql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Classpath location of this dialect's master changelog. */
    public String changelog() {
        return "db/" + folder + "/changelog.yaml";
    }

    /** Liquibase's short name for the database type, as used in offline URLs. */
    public String liquibaseName() {
        return folder;
    }

    /** The statement that calls a stored procedure with {@code argumentCount} JDBC parameters. */
    public String callStatement(String procedure, int argumentCount) {
        String marks = String.join(", ", java.util.Collections.nCopies(argumentCount, "?"));
        return switch (this) {
            case POSTGRESQL -> "CALL " + procedure + "(" + marks + ")";
            case MSSQL -> "EXEC " + procedure + " " + marks;
        };
    }

    public static Dialect ofJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:sqlserver:")) {
            return MSSQL;
        }
        throw new IllegalArgumentException(
                "unsupported JDBC URL '" + jdbcUrl + "': expected jdbc:postgresql://... or jdbc:sqlserver://...");
    }

    /** Accepts the names a user types: postgresql, postgres, pg, mssql, sqlserver, tsql. */
    public static Dialect ofName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mssql", "sqlserver", "tsql", "azuresql" -> MSSQL;
            default -> throw new IllegalArgumentException(
                    "unknown dialect '" + name + "': expected postgresql or mssql");
        };
    }
}
