package org.ecom.tsqlt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * tSQLt on one SQL Server connection: is it installed, install it, install test classes, run them
 * and fetch the JUnit XML of the last run. Nothing here runs without a server.
 */
public final class TsqltSession {

    private final Connection connection;

    public TsqltSession(Connection connection) {
        this.connection = connection;
    }

    public boolean isInstalled() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1 FROM sys.schemas WHERE name = 'tSQLt'")) {
            return rows.next();
        }
    }

    /** The installed tSQLt version, from tSQLt.Info(), or empty when it cannot be read. */
    public Optional<String> version() {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT Version FROM tSQLt.Info()")) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs a GO-separated script batch by batch (tSQLt.class.sql, a test class file). A failing batch
     * stops the script with its file name and first line in the message.
     */
    public void runScript(String name, String script) throws SQLException {
        for (SqlBatches.Batch batch : SqlBatches.split(script)) {
            try (Statement statement = connection.createStatement()) {
                drain(statement, statement.execute(batch.sql()));
            } catch (SQLException e) {
                throw new SQLException(name + ": the batch at line " + batch.firstLine() + " failed: " + e.getMessage(),
                        e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    /**
     * Runs every test class ({@code tSQLt.RunAll}) or one ({@code tSQLt.Run 'class'}). tSQLt raises an
     * error when a test fails or errs; it is returned, not thrown, since the results are still there
     * for {@link #resultXml()}.
     */
    public Optional<SQLException> run(String testClass) {
        try {
            if (testClass == null) {
                try (Statement statement = connection.createStatement()) {
                    drain(statement, statement.execute("EXEC tSQLt.RunAll;"));
                }
            } else {
                try (PreparedStatement statement = connection.prepareStatement("EXEC tSQLt.Run @TestName = ?;")) {
                    statement.setString(1, testClass);
                    drain(statement, statement.execute());
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e);
        }
    }

    /**
     * The JUnit XML of the last run, from {@code tSQLt.XmlResultFormatter}. It comes back as one
     * result set of one column; a FOR XML result may arrive split over several rows, so every row is
     * joined.
     */
    public String resultXml() throws SQLException {
        StringBuilder xml = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute("EXEC tSQLt.XmlResultFormatter;");
            while (true) {
                if (isResultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            String part = rows.getString(1);
                            if (part != null) {
                                xml.append(part);
                            }
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    break;
                }
                isResultSet = statement.getMoreResults();
            }
        }
        return xml.toString();
    }

    /** Reads every result of a statement, so that an error raised late in a batch surfaces here. */
    private static void drain(Statement statement, boolean isResultSet) throws SQLException {
        while (true) {
            if (isResultSet) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        // the rows a script selects are not needed, only its errors
                    }
                }
            } else if (statement.getUpdateCount() == -1) {
                break;
            }
            isResultSet = statement.getMoreResults();
        }
    }
}
