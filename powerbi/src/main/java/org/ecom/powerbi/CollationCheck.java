package org.ecom.powerbi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every relationship that joins two text columns joins columns of the same collation, as the
 * committed T-SQL ({@link TsqlSchema}) gives them: in DirectQuery the relationship becomes a SQL
 * join, and SQL Server refuses to compare two collations (Msg 468), which a column without COLLATE
 * gets from the database (Azure SQL's default, SQL_Latin1_General_CP1_CI_AS, differs from the
 * Latin1_General_100_BIN2 the sales tables use).
 */
public final class CollationCheck {

    private CollationCheck() {
    }

    public static List<Problem> check(SemanticModel model, TsqlSchema tsql) {
        List<Problem> problems = new ArrayList<>();
        for (Relationship r : model.parsedRelationships()) {
            if (!isText(model, r.fromTable(), r.fromColumn()) || !isText(model, r.toTable(), r.toColumn())) {
                continue;
            }
            TmdlNode at = r.node();
            try {
                TsqlSchema.Origin from = origin(model, tsql, r.fromTable(), r.fromColumn());
                TsqlSchema.Origin to = origin(model, tsql, r.toTable(), r.toColumn());
                if (!Objects.equals(from.collation(), to.collation())) {
                    problems.add(new Problem(at.file(), at.line(), "relationship " + r.name() + " joins two collations, which SQL Server"
                            + " refuses to compare (Msg 468): " + r.fromTable() + "." + r.fromColumn() + " is " + from.describe()
                            + "; " + r.toTable() + "." + r.toColumn() + " is " + to.describe()));
                }
            } catch (TsqlSchema.UntraceableException e) {
                problems.add(new Problem(at.file(), at.line(), "relationship " + r.name() + ": cannot tell the collation of its keys"
                        + " from database/mssql: " + e.getMessage()));
            }
        }
        return problems;
    }

    private static boolean isText(SemanticModel model, String table, String column) {
        return column(model, table, column).flatMap(c -> c.property("dataType")).map("string"::equals).orElse(false);
    }

    private static Optional<TmdlNode> column(SemanticModel model, String table, String column) {
        return model.table(table).flatMap(t -> t.children("column").stream().filter(c -> c.name().equals(column)).findFirst());
    }

    private static TsqlSchema.Origin origin(SemanticModel model, TsqlSchema tsql, String table, String column)
            throws TsqlSchema.UntraceableException {
        String[] view = ModelChecker.view(model.table(table).orElseThrow())
                .orElseThrow(() -> new TsqlSchema.UntraceableException("table '" + table + "' reads no view"));
        String source = column(model, table, column).flatMap(c -> c.property("sourceColumn")).orElse(column);
        TsqlSchema.Origin origin = tsql.origin(view[0], view[1], source);
        return new TsqlSchema.Origin(origin.text(), origin.collation(), view[0] + "." + view[1] + "." + source + " < " + origin.source());
    }
}
