"""Every comparison of two character columns of different tables in the T-SQL objects uses one collation.

    sqlfluff parse --dialect tsql --format json database/mssql > parsed.json
    python tsql_collations.py parsed.json

SQL Server compares two columns only when they have the same collation, or fails with Msg 468
("Cannot resolve the collation conflict"); a column without COLLATE takes the database's default,
which is another one on each server (Azure SQL Database: SQL_Latin1_General_CP1_CI_AS). So a key
compared across tables carries the same explicit COLLATE on both sides.

It reads, in every view, function and procedure, each comparison (=, <>, <, >, ..., and
x IN (SELECT y ...)) whose two sides are column references, finds the table column each one
comes from (through aliases, CTEs, derived tables and views) and, when both are character
columns of different tables, fails unless both carry the same explicit collation. A side it
cannot follow to a table column (a temporary table, an expression, a function's result) is
counted as not followed. Prints one line per mismatch and exits 1, else a summary and exits 0.
ColumnCollationTest (database/src/test) runs it on database/mssql and on a bad fixture.
"""
import json
import sys

from tsql_objects import child, children, code_children, find_all, identifiers

CHARACTER_TYPES = {"char", "varchar", "nchar", "nvarchar", "text", "ntext"}
COMPARISONS = {"=", "<>", "!=", "<", ">", "<=", ">="}
SCOPES = ("select_statement", "update_statement", "delete_statement")


def names(reference):
    """The parts of a reference (schema, object), or its whole text when it has no plain identifier (#temp, @t)."""
    found = identifiers(reference)
    if found:
        return found
    text = []

    def leaves(value):
        for k, v in children(value):
            if isinstance(v, str):
                text.append(v)
            else:
                leaves(v)
    leaves(reference)
    return ["".join(text)]


class Column:
    """A table column: where it is declared, whether it holds characters, its COLLATE (None: the default)."""

    def __init__(self, table, name, character, collation):
        self.table, self.name, self.character, self.collation = table, name, character, collation

    def __str__(self):
        return f"{self.table}.{self.name} ({'COLLATE ' + self.collation if self.collation else 'database default'})"


def tables_of(parsed):
    """table -> column -> Column, from every CREATE TABLE (temporary ones aside)."""
    tables = {}
    for parsed_file in parsed:
        for statement in find_all(parsed_file["segments"], "create_table_statement"):
            name = ".".join(names(child(statement, "table_reference"))).lower()
            if name.startswith("#"):
                continue
            columns = {}
            for k, definition in children(child(statement, "bracketed")):
                if k != "column_definition":
                    continue
                column = identifiers(definition)[0].lower()
                data_type = child(definition, "data_type")
                type_name = next((v.lower() for kk, v in children(data_type) if kk == "keyword"), "") if data_type else ""
                collation = None
                for kk, constraint in children(definition):
                    if kk == "column_constraint_segment" and child(constraint, "collation_reference") is not None:
                        collation = identifiers(child(constraint, "collation_reference"))[0]
                columns[column] = Column(name, column, type_name in CHARACTER_TYPES, collation)
            tables[name] = columns
    return tables


def queries_of_views(parsed):
    """view -> its query node, so that a view's column can be followed to its table."""
    views = {}
    for parsed_file in parsed:
        for statement in find_all(parsed_file["segments"], "create_view_statement"):
            name = ".".join(identifiers(child(statement, "object_reference") or child(statement, "table_reference"))).lower()
            views[name] = statement
    return views


class Resolver:
    def __init__(self, tables, views):
        self.tables, self.views = tables, views

    def relation(self, element, ctes):
        """What a FROM element reads: ('table', name), ('query', node, ctes) or None (not followed)."""
        table_expression = child(element, "table_expression")
        reference = child(table_expression, "table_reference") if table_expression else None
        if reference is not None:
            name = ".".join(names(reference)).lower()
            if name in ctes:
                return ("query", ctes[name][0], ctes[name][1])
            if name in self.tables:
                return ("table", name)
            if name in self.views:
                return ("query", self.views[name], {})
            return None
        bracketed = child(table_expression, "bracketed") if table_expression else None
        if bracketed is not None:  # a derived table
            return ("query", bracketed, ctes)
        return None

    def scope_of(self, node, ctes):
        """alias (lower case) -> relation, for the FROM of one SELECT, UPDATE or DELETE."""
        scope = {}
        from_clause = child(node, "from_clause")
        if from_clause is not None:
            for element in find_all(from_clause, "from_expression_element"):
                alias = child(element, "alias_expression")
                table_expression = child(element, "table_expression")
                reference = child(table_expression, "table_reference") if table_expression else None
                name = identifiers(alias)[-1] if alias else (names(reference)[-1] if reference else None)
                if name:
                    scope[name.lower()] = self.relation(element, ctes)
        target = child(node, "table_reference")  # UPDATE t / DELETE FROM t without FROM
        if target is not None and from_clause is None:
            name = ".".join(names(target)).lower()
            scope[names(target)[-1].lower()] = ("table", name) if name in self.tables else None
        return scope

    def column(self, relation, name, depth=0):
        """The table Column that a relation's output column `name` comes from, or None."""
        if relation is None or depth > 20:
            return None
        if relation[0] == "table":
            return self.tables[relation[1]].get(name)
        query_kind, query, ctes = self.first_select(relation[1], relation[2])
        if query is None:
            return None
        scope = self.scope_of(query, ctes)
        for element in find_all(child(query, "select_clause"), "select_clause_element"):
            alias = child(element, "alias_expression")
            reference = child(element, "column_reference")
            plain = reference is not None and all(k in ("column_reference", "alias_expression")
                                                  for k, _ in code_children(element))
            output = (identifiers(alias)[-1] if alias else identifiers(reference)[-1] if reference else "").lower()
            if output == name and plain:
                return self.follow(reference, [scope], depth + 1)
            if output == name:
                return None  # an expression: not followed
        return None

    def first_select(self, node, ctes):
        """The SELECT that names a query's columns (the first branch of a UNION), with the CTEs it sees."""
        if child(node, "select_clause") is not None:
            return "select_statement", node, ctes
        for k, v in children(node):
            if k == "with_compound_statement":
                return self.first_select(v, {**ctes, **self.ctes_of(v, ctes)})
            if k == "select_statement":
                return k, v, ctes
            if k in ("set_expression", "bracketed", "create_view_statement"):
                found = self.first_select(v, ctes)
                if found[1] is not None:
                    return found
        return None, None, ctes

    def ctes_of(self, with_statement, outer):
        ctes = dict(outer)
        for k, v in children(with_statement):
            if k == "common_table_expression":
                ctes[identifiers(v)[0].lower()] = (child(v, "bracketed"), dict(ctes))
        return ctes

    def follow(self, reference, scopes, depth=0):
        """The table Column a column reference comes from, looked up from the innermost scope out."""
        names = [n.lower() for n in identifiers(reference)]
        if not names:
            return None
        column = names[-1]
        if len(names) > 1:
            for scope in reversed(scopes):
                if names[-2] in scope:
                    return self.column(scope[names[-2]], column, depth)
            return None
        for scope in reversed(scopes):
            found = [r for r in scope.values() if r is None or self.column(r, column, depth) is not None]
            if found:
                return self.column(found[0], column, depth) if len(found) == 1 else None
        return None


def check(parsed):
    resolver = Resolver(tables_of(parsed), queries_of_views(parsed))
    result = {"checked": 0, "not_followed": 0, "mismatches": []}

    def compare(left, operator, right, scopes, where):
        a, b = resolver.follow(left, scopes), resolver.follow(right, scopes)
        if a is None or b is None:
            result["not_followed"] += 1
            return
        if not (a.character and b.character) or a.table == b.table:
            return
        result["checked"] += 1
        if a.collation is None or a.collation != b.collation:
            result["mismatches"].append(f"{where}: {'.'.join(identifiers(left))} {operator} {'.'.join(identifiers(right))}"
                                        f" compares {a} with {b}")

    def walk(value, scopes, ctes, where):
        for k, v in children(value):
            if k == "with_compound_statement":
                walk(v, scopes, resolver.ctes_of(v, ctes), where)
                continue
            if k in SCOPES:
                inner = scopes + [resolver.scope_of(v, ctes)]
                walk(v, inner, ctes, where)
                continue
            if k == "expression":
                items = code_children(v)
                for i, (kind, left) in enumerate(items):
                    if kind != "column_reference":
                        continue
                    following = items[i + 1:i + 4]
                    operator = "".join(x for _, x in children(following[0][1])) \
                        if following and following[0][0] == "comparison_operator" else None
                    if operator in COMPARISONS and len(following) >= 2 and following[1][0] == "column_reference":
                        compare(left, operator, following[1][1], scopes, where)
                    if following and following[0] == ("keyword", "NOT"):
                        following = following[1:]
                    if len(following) >= 2 and following[0][0] == "keyword" and following[0][1].upper() == "IN" \
                            and following[1][0] == "bracketed":
                        _, query, query_ctes = resolver.first_select(following[1][1], ctes)
                        elements = find_all(child(query, "select_clause"), "select_clause_element") if query else []
                        reference = child(elements[0], "column_reference") if len(elements) == 1 else None
                        if reference is not None:
                            compare(left, "IN", reference, scopes + [resolver.scope_of(query, query_ctes)], where)
            walk(v, scopes, ctes, where)

    kinds = ("create_view_statement", "create_function_statement", "create_procedure_statement")
    for parsed_file in parsed:
        for kind, statement in find_all(parsed_file["segments"], kinds, with_kind=True):
            reference = child(statement, "object_reference") or child(statement, "table_reference")
            walk(statement, [], {}, f"{parsed_file['filepath']} ({'.'.join(identifiers(reference))})")
    return result


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: tsql_collations.py SQLFLUFF_PARSE_JSON")
    with open(argv[1], encoding="utf-8") as f:
        result = check(json.load(f))
    for mismatch in result["mismatches"]:
        print(mismatch)
    if result["mismatches"]:
        print(f"tsql_collations: {len(result['mismatches'])} comparison(s) of columns with different collations"
              " (SQL Server: Msg 468); give both the same explicit COLLATE", file=sys.stderr)
        sys.exit(1)
    print(f"tsql_collations: {result['checked']} comparisons of character columns across tables, each with one"
          f" explicit collation; {result['not_followed']} comparisons not followed to a table column")


if __name__ == "__main__":
    main(sys.argv)
