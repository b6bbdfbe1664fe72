package org.ecom.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * A database to work on: a JDBC URL (credentials may be in the URL or given apart) and its dialect.
 * The password is never printed. SQL Server connections are encrypted and check the server's
 * certificate unless the URL says otherwise.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password, Dialect dialect) {

    /** What a SQL Server URL gets when it does not set these itself (Azure SQL's baseline). */
    private static final List<String> SQL_SERVER_ENCRYPTION = List.of("encrypt=true", "trustServerCertificate=false");

    /** One Jdbi per target: it holds the row mappers and settings, and opens connections through {@link #connect}. */
    private static final Map<DatabaseTarget, Jdbi> JDBI = new ConcurrentHashMap<>();

    public static DatabaseTarget of(String jdbcUrl, String user, String password) {
        return new DatabaseTarget(jdbcUrl, user, password, Dialect.ofJdbcUrl(jdbcUrl));
    }

    public static DatabaseTarget of(String jdbcUrl) {
        return of(jdbcUrl, null, null);
    }

    /** Reads and small writes go through Jdbi (row mappers into records, named parameters). */
    public Jdbi jdbi() {
        return JDBI.computeIfAbsent(this, target -> Jdbi.create(target::connect));
    }

    public Connection connect() throws SQLException {
        String url = connectionUrl();
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /** The URL connections use: on SQL Server, with the encryption defaults below. For a connection pool. */
    public String connectionUrl() {
        return dialect == Dialect.MSSQL ? withEncryptionDefaults(jdbcUrl) : jdbcUrl;
    }

    /**
     * A SQL Server URL with encrypt=true and trustServerCertificate=false appended where it does
     * not set them: a value in the URL wins, so a local test server can still say encrypt=false.
     */
    static String withEncryptionDefaults(String sqlServerUrl) {
        StringBuilder url = new StringBuilder(sqlServerUrl);
        for (String setting : SQL_SERVER_ENCRYPTION) {
            String property = setting.substring(0, setting.indexOf('='));
            if (!setsProperty(sqlServerUrl, property)) {
                if (url.charAt(url.length() - 1) != ';') {
                    url.append(';');
                }
                url.append(setting);
            }
        }
        return url.toString();
    }

    /** mssql-jdbc properties follow a ';' and their names ignore case. */
    private static boolean setsProperty(String sqlServerUrl, String property) {
        return Pattern.compile(";\\s*" + property + "\\s*=", Pattern.CASE_INSENSITIVE).matcher(sqlServerUrl).find();
    }

    @Override
    public String toString() {
        return masked(jdbcUrl);
    }

    /** A JDBC URL fit to print: its password replaced by ***. */
    public static String masked(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
