"""The objects a T-SQL changelog creates, read from sqlfluff's parse tree (no server needed).

    sqlfluff parse --dialect tsql --format json database/mssql > parsed.json
    python tsql_objects.py parsed.json          (or - for stdin)

prints one JSON document, keyed by lower-case "schema.object":

    {"sales.invoice_line": {"kind": "table", "file": "...", "columns": [...], "parameters": []}, ...}

- table: column names in order (computed columns included, constraints skipped);
- view: output column names of its SELECT (alias, else column name);
- procedure: parameter names without the @;
- function: parameter names, and the output columns of a table-valued function
  (inline: of the query it RETURNs; multi-statement: of its RETURNS @t TABLE).

A view or function whose output columns cannot be named from the text alone (a
`*` over a real table, an expression without an alias) gets "columns": null and
"unresolved": the reason. `t.*` is resolved when t is a CTE of the same statement.
ColumnParityTest (database/src/test) compares this with what PostgreSQL deploys.
"""
import json
import sys


def children(value):
    """(type, value) pairs of a node's children: sqlfluff writes a dict when the types differ, else a list."""
    if isinstance(value, dict):
        yield from value.items()
    elif isinstance(value, list):
        for item in value:
            yield from item.items()


NOT_CODE = ("whitespace", "newline", "inline_comment", "block_comment")


def code_children(value):
    return [(k, v) for k, v in children(value) if k not in NOT_CODE]


def child(value, kind):
    return next((v for k, v in children(value) if k == kind), None)


def find_all(value, kind, into=None, with_kind=False):
    """Every descendant of the given type (or types), in order, not looking inside a match."""
    into = [] if into is None else into
    for k, v in children(value):
        if k in kind if isinstance(kind, tuple) else k == kind:
            into.append((k, v) if with_kind else v)
        else:
            find_all(v, kind, into, with_kind)
    return into


def identifiers(value):
    """The identifiers directly under a reference (schema.object, alias.column), unquoted."""
    names = []
    for k, v in children(value):
        if k == "naked_identifier":
            names.append(v)
        elif k == "quoted_identifier":
            names.append(v[1:-1])
    return names


def identifiers_under(value):
    """Every identifier below a node, unquoted, in order (a CTE's column list)."""
    return [n for k, v in children(value) for n in (identifiers({k: v}) or identifiers_under(v))]


class Unresolved(Exception):
    pass


QUERIES = ("select_statement", "set_expression", "with_compound_statement")


def ctes_of(with_statement):
    """name -> (declared column list or None, query type, query) of the CTEs of a WITH statement."""
    ctes = {}
    for k, v in children(with_statement):
        if k == "common_table_expression":
            column_list = child(v, "cte_column_list")
            declared = identifiers_under(column_list) if column_list else None
            kind, query = next((qk, q) for qk, q in children(child(v, "bracketed")) if qk in QUERIES)
            ctes[identifiers(v)[0].lower()] = (declared, kind, query)
    return ctes


def output_columns(kind, query, ctes):
    """The output column names of a query node (select, UNION, WITH ... SELECT)."""
    if kind == "with_compound_statement":
        ctes = {**ctes, **ctes_of(query)}
        kind, query = next((k, v) for k, v in children(query) if k in QUERIES)
        return output_columns(kind, query, ctes)
    if kind == "set_expression":  # UNION and friends: the first branch names the columns
        kind, query = next((k, v) for k, v in children(query)
                           if k in ("select_statement", "with_compound_statement", "bracketed"))
        if kind == "bracketed":
            kind, query = next((k, v) for k, v in children(query) if k in ("select_statement", "set_expression"))
        return output_columns(kind, query, ctes)
    if kind != "select_statement":
        raise Unresolved(f"no SELECT found ({kind})")
    sources = from_sources(query)
    columns = []
    for element in find_all(child(query, "select_clause"), "select_clause_element"):
        alias = child(element, "alias_expression")
        reference = child(element, "column_reference")
        wildcard = child(element, "wildcard_expression")
        if alias is not None:
            columns.append(identifiers(alias)[-1])
        elif reference is not None and len(code_children(element)) == 1:
            columns.append(identifiers(reference)[-1])
        elif wildcard is not None:
            columns.extend(star_columns(identifiers(child(wildcard, "wildcard_identifier")), sources, ctes))
        else:
            raise Unresolved("a select-list expression without an alias")
    return columns


def from_sources(select):
    """alias or name (lower case) -> table name (lower case), for the FROM of one SELECT."""
    sources = {}
    for element in find_all(child(select, "from_clause"), "from_expression_element"):
        table = child(child(element, "table_expression"), "table_reference")
        if table is None:  # a derived table or a function call: no name to resolve a * with
            continue
        name = ".".join(identifiers(table)).lower()
        alias = child(element, "alias_expression")
        sources[(identifiers(alias)[-1] if alias else name.split(".")[-1]).lower()] = name
    return sources


def star_columns(qualifier, sources, ctes):
    if qualifier:
        table = sources.get(qualifier[-1].lower())
        tables = [table] if table else []
    else:
        tables = list(sources.values())
    if len(tables) != 1 or tables[0] not in ctes:
        star = ".".join(qualifier + ["*"])
        raise Unresolved(f"{star} is not over a single CTE of the same statement")
    declared, kind, query = ctes[tables[0]]
    return declared if declared is not None else output_columns(kind, query, ctes)


def first_query(value):
    """(type, node) of the first query under a node (a view's or an inline function's body)."""
    for k, v in children(value):
        if k in QUERIES:
            return k, v
        if isinstance(v, (dict, list)):
            found = first_query(v)
            if found:
                return found
    return None


def declared_columns(bracketed):
    """The column names of a CREATE TABLE (or RETURNS @t TABLE) list, computed ones included, constraints not."""
    return [identifiers(v)[0] for k, v in children(bracketed)
            if k in ("column_definition", "computed_column_definition")]


def describe(kind, statement):
    """(name, description) of one CREATE statement."""
    reference = child(statement, "table_reference") or child(statement, "object_reference")
    name = ".".join(identifiers(reference)).lower()
    entry = {"kind": kind, "columns": [], "parameters": []}
    if kind == "table":
        entry["columns"] = declared_columns(child(statement, "bracketed"))
        return name, entry
    parameter_list = child(statement, "procedure_parameter_list") or child(statement, "function_parameter_list")
    entry["parameters"] = [p.lstrip("@") for p in find_all(parameter_list, "parameter")] if parameter_list else []
    if kind == "procedure":
        return name, entry
    if kind == "function":
        if child(statement, "bracketed") is not None:  # RETURNS @t TABLE (...): a multi-statement function
            entry["columns"] = declared_columns(child(statement, "bracketed"))
            return name, entry
        returns = child(statement, "data_type")
        if returns is None or "TABLE" not in [v.upper() for k, v in children(returns) if k == "keyword"]:
            return name, entry  # a scalar function: no output column
        body = child(statement, "procedure_statement")  # RETURNS TABLE ... RETURN query: an inline function
    else:
        body = statement
    try:
        found = first_query(body)
        if found is None:
            raise Unresolved("no SELECT found")
        entry["columns"] = output_columns(found[0], found[1], {})
    except Unresolved as e:
        entry["columns"], entry["unresolved"] = None, str(e)
    return name, entry


KINDS = {
    "create_table_statement": "table",
    "create_view_statement": "view",
    "create_procedure_statement": "procedure",
    "create_function_statement": "function",
}


def objects(parsed):
    found = {}
    added = []
    for parsed_file in parsed:
        # not looking inside a match: a procedure's temporary tables are not objects
        for k, statement in find_all(parsed_file["segments"], tuple(KINDS) + ("alter_table_statement",), with_kind=True):
            if k == "alter_table_statement":
                added.append(statement)
                continue
            name, entry = describe(KINDS[k], statement)
            entry["file"] = parsed_file["filepath"]
            if name in found:
                entry["duplicate_of"] = found[name]["file"]
            found[name] = entry
    # ALTER TABLE ... ADD: a later changeset's columns come after the CREATE TABLE's
    for statement in added:
        name = ".".join(identifiers(child(statement, "table_reference"))).lower()
        if name in found:
            found[name]["columns"] += declared_columns(statement)
    return found


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: tsql_objects.py SQLFLUFF_PARSE_JSON|-")
    source = sys.stdin if argv[1] == "-" else open(argv[1], encoding="utf-8")
    with source:
        parsed = json.load(source)
    json.dump(objects(parsed), sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv)
