package org.ecom.db;

import java.util.ArrayList;
import java.util.List;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.core.MSSQLDatabase;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.core.RawSqlStatement;

/**
 * Applies the {@link BabelfishAdjustment}s to the changelog's SQL as Liquibase sends it, when the
 * deployer runs Liquibase for a Babelfish server (a scope value): the changelog, its checksums and
 * what any SQL Server gets stay as written. Registered in META-INF/services.
 */
public final class BabelfishSqlGenerator extends AbstractSqlGenerator<RawSqlStatement> {

    /** The Liquibase scope value that says the server is Babelfish. */
    static final String BABELFISH_SCOPE_KEY = "org.ecom.db.babelfish";

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    /**
     * Every T-SQL raw statement: Liquibase caches which generator supports what, so the choice
     * between adjusting and passing through is made per call, in {@link #generateSql}.
     */
    @Override
    public boolean supports(RawSqlStatement statement, Database database) {
        return database instanceof MSSQLDatabase;
    }

    @Override
    public ValidationErrors validate(RawSqlStatement statement, Database database,
                                     SqlGeneratorChain<RawSqlStatement> chain) {
        return chain.validate(statement, database);
    }

    @Override
    public Sql[] generateSql(RawSqlStatement statement, Database database, SqlGeneratorChain<RawSqlStatement> chain) {
        Sql[] written = chain.generateSql(statement, database);
        if (!Scope.getCurrentScope().get(BABELFISH_SCOPE_KEY, false)) {
            return written;
        }
        List<Sql> adjusted = new ArrayList<>();
        for (Sql sql : written) {
            for (String batch : BabelfishAdjustment.adjust(sql.toSql())) {
                adjusted.add(new UnparsedSql(batch, sql.getEndDelimiter()));
            }
        }
        return adjusted.toArray(Sql[]::new);
    }
}
