#!/usr/bin/env python3
"""DuckDB as the reference a user might reach for instead of the warehouse.

Reads a raw Online Retail II file (.csv or .csv.gz) with DuckDB's read_csv,
applies the warehouse's clean-line rules and times the aggregations the kpi
views answer, on an in-memory DuckDB database:

  (a) one-off cost: read the file into a table, then clean it into another
      (both timed, and their sum);
  (b) per query, on the cleaned in-memory table: WARM_UP runs, then --runs
      timed runs (default 20), every row fetched into Python; p50/p95/max
      (nearest rank).

A line is clean (as staging.classify_batch decides) when it has a customer,
is not an exact duplicate of an earlier line (all eight fields equal: the
first copy stays), its invoice starts with neither C nor A, and quantity > 0
and price > 0. On the real file: 779,425 lines, revenue 17,374,804.27.

With --pg-monthly FILE (month_start,revenue,orders,active_customers of
kpi.monthly_revenue, as ReportLatency --monthly-csv writes it) it checks
DuckDB's revenue, orders and active customers per month against PostgreSQL's
and prints the check; exit code 1 when they differ.

Not a test: run it by hand or through benchmarks/report-latency.sh, with
DuckDB installed (pip install duckdb==VERSION; the script prints the version).
"""
import argparse
import csv
import os
import sys
import time
from decimal import Decimal

import duckdb

WARM_UP = 2

# The file's columns with the types the loader gives them (staging.retail_line):
# Customer ID is written as 13085.0, so it is read as a double and cast.
COLUMNS = {
    "Invoice": "VARCHAR", "StockCode": "VARCHAR", "Description": "VARCHAR", "Quantity": "INTEGER",
    "InvoiceDate": "TIMESTAMP", "Price": "DECIMAL(12,3)", "Customer ID": "DOUBLE", "Country": "VARCHAR",
}

LOAD_SQL = """
CREATE TABLE raw AS
SELECT row_number() OVER () AS line_number,
       Invoice AS invoice, StockCode AS stock_code, Description AS description, Quantity AS quantity,
       InvoiceDate AS invoice_date, Price AS price, CAST("Customer ID" AS INTEGER) AS customer_id,
       Country AS country
FROM read_csv(?, header = true, delim = ',', quote = '"', columns = {columns},
              timestampformat = '%Y-%m-%d %H:%M:%S')
"""

# The first copy of each group of identical lines stays (line order = file order).
CLEAN_SQL = """
CREATE TABLE clean AS
WITH numbered AS (
    SELECT r.*,
           row_number() OVER (PARTITION BY invoice, stock_code, description, quantity, invoice_date,
                                           price, customer_id, country
                              ORDER BY line_number) AS copy_number
    FROM raw AS r
)
SELECT line_number, invoice, stock_code, description, quantity, invoice_date, price, customer_id, country,
       CAST(quantity * price AS DECIMAL(18,3)) AS line_revenue,
       CAST(date_trunc('month', invoice_date) AS DATE) AS month_start
FROM numbered
WHERE customer_id IS NOT NULL
  AND copy_number = 1
  AND invoice NOT LIKE 'C%' AND invoice NOT LIKE 'A%'
  AND quantity > 0 AND price > 0
"""

# The aggregations the kpi views answer, written directly on the clean lines
# (DuckDB has no summary tables: each query aggregates every line).
QUERIES = {
    # kpi.monthly_revenue
    "monthly revenue, orders, active customers": """
        SELECT month_start, SUM(line_revenue) AS revenue, COUNT(DISTINCT invoice) AS orders,
               COUNT(DISTINCT customer_id) AS active_customers,
               SUM(line_revenue) / COUNT(DISTINCT invoice) AS avg_order_value
        FROM clean GROUP BY month_start ORDER BY month_start""",
    # kpi.country_revenue
    "revenue by country with share": """
        SELECT country, revenue, revenue / SUM(revenue) OVER () AS revenue_share,
               ROW_NUMBER() OVER (ORDER BY revenue DESC, country) AS revenue_rank,
               SUM(revenue) OVER (ORDER BY revenue DESC, country ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
                   / SUM(revenue) OVER () AS cumulative_share,
               orders, customers
        FROM (SELECT country, SUM(line_revenue) AS revenue, COUNT(DISTINCT invoice) AS orders,
                     COUNT(DISTINCT customer_id) AS customers
              FROM clean GROUP BY country)""",
    # kpi.rfm
    "RFM per customer": """
        WITH c AS (
            SELECT customer_id, MAX(invoice_date) AS last_purchase_at, COUNT(DISTINCT invoice) AS frequency,
                   SUM(line_revenue) AS monetary
            FROM clean GROUP BY customer_id
        ), r AS (SELECT CAST(MAX(last_purchase_at) AS DATE) + 1 AS reference_date FROM c),
        s AS (
            SELECT c.customer_id, r.reference_date - CAST(c.last_purchase_at AS DATE) AS recency_days,
                   c.frequency, c.monetary,
                   NTILE(5) OVER (ORDER BY r.reference_date - CAST(c.last_purchase_at AS DATE) DESC, c.customer_id) AS r_score,
                   NTILE(5) OVER (ORDER BY c.frequency, c.customer_id) AS f_score,
                   NTILE(5) OVER (ORDER BY c.monetary, c.customer_id) AS m_score
            FROM c CROSS JOIN r
        )
        SELECT *, CONCAT(r_score, f_score, m_score) AS rfm_score FROM s""",
    # kpi.cohort_retention
    "cohort retention": """
        WITH cm AS (SELECT DISTINCT customer_id, month_start FROM clean),
        first_month AS (SELECT customer_id, MIN(month_start) AS cohort_month FROM cm GROUP BY customer_id),
        activity AS (
            SELECT f.cohort_month, m.month_start, COUNT(*) AS active_customers
            FROM cm AS m JOIN first_month AS f USING (customer_id)
            GROUP BY f.cohort_month, m.month_start
        ),
        cohort AS (SELECT cohort_month, COUNT(*) AS cohort_size FROM first_month GROUP BY cohort_month),
        months AS (SELECT DISTINCT month_start FROM clean)
        SELECT c.cohort_month,
               date_diff('month', c.cohort_month, m.month_start) AS months_since,
               COALESCE(a.active_customers, 0) AS active_customers, c.cohort_size,
               ROUND(100.0 * COALESCE(a.active_customers, 0) / c.cohort_size, 2) AS retention_pct
        FROM cohort AS c
        JOIN months AS m ON m.month_start >= c.cohort_month
        LEFT JOIN activity AS a ON a.cohort_month = c.cohort_month AND a.month_start = m.month_start""",
    # mart.product_summary (no kpi view reads it yet)
    "top 10 products by revenue": """
        SELECT stock_code, MIN(description) AS description, SUM(line_revenue) AS revenue, SUM(quantity) AS quantity,
               COUNT(DISTINCT invoice) AS orders, COUNT(DISTINCT customer_id) AS customers
        FROM clean GROUP BY stock_code ORDER BY revenue DESC, stock_code LIMIT 10""",
    # the totals of kpi.data_quality_funnel (clean_rows, clean_revenue)
    "total sales": """
        SELECT COUNT(*) AS lines, SUM(line_revenue) AS revenue, COUNT(DISTINCT invoice) AS orders,
               COUNT(DISTINCT customer_id) AS customers
        FROM clean""",
}


def percentile(sorted_values, p):
    """Nearest-rank percentile of sorted values (as ReportLatency)."""
    rank = -(-p * len(sorted_values) // 100)
    return sorted_values[max(0, rank - 1)]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="the raw file (.csv or .csv.gz)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query (default 20)")
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: DuckDB's, = cores)")
    parser.add_argument("--pg-monthly", help="kpi.monthly_revenue as CSV, to check DuckDB's totals against")
    args = parser.parse_args()

    con = duckdb.connect(":memory:")
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    print(f"DuckDB {duckdb.__version__} (Python {sys.version.split()[0]}), in-memory, threads = {threads}")
    print(f"file: {args.file} ({os.path.getsize(args.file):,} bytes)")

    columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in COLUMNS.items()) + "}"
    load_ms, _ = timed(lambda: con.execute(LOAD_SQL.format(columns=columns), [args.file]))
    clean_ms, _ = timed(lambda: con.execute(CLEAN_SQL))
    raw_rows = con.execute("SELECT COUNT(*) FROM raw").fetchone()[0]
    lines, revenue = con.execute("SELECT COUNT(*), SUM(line_revenue) FROM clean").fetchone()
    print()
    print("| one-off step | ms |")
    print("|--------------|---:|")
    print(f"| read_csv into table raw ({raw_rows:,} rows) | {load_ms:.0f} |")
    print(f"| clean into table clean ({lines:,} lines, revenue {revenue:,.2f}) | {clean_ms:.0f} |")
    print(f"| **load + clean** | **{load_ms + clean_ms:.0f}** |")

    print()
    print(f"| query (DuckDB, on table clean) | rows | p50 ms | p95 ms | max ms |")
    print("|-------------------------------|-----:|-------:|-------:|-------:|")
    for name, sql in QUERIES.items():
        rows = 0
        for _ in range(WARM_UP):
            rows = len(con.execute(sql).fetchall())
        ms = sorted(timed(lambda: con.execute(sql).fetchall())[0] for _ in range(args.runs))
        print(f"| {name} | {rows} | {percentile(ms, 50):.2f} | {percentile(ms, 95):.2f} | {ms[-1]:.2f} |")
    print(f"\n({WARM_UP} warm-up runs, then {args.runs} timed runs per query, every row fetched into Python)")

    if not args.pg_monthly:
        return 0
    duck = {str(m): (r, o, a) for m, r, o, a in con.execute(
        "SELECT month_start, SUM(line_revenue), COUNT(DISTINCT invoice), COUNT(DISTINCT customer_id)"
        " FROM clean GROUP BY month_start").fetchall()}
    with open(args.pg_monthly, newline="") as f:
        pg = {row["month_start"]: (Decimal(row["revenue"]), int(row["orders"]), int(row["active_customers"]))
              for row in csv.DictReader(f)}
    months = sorted(set(duck) | set(pg))
    differing = [m for m in months if duck.get(m) != pg.get(m)]
    pg_total = sum(v[0] for v in pg.values())
    print(f"\ncheck against PostgreSQL (kpi.monthly_revenue): {len(months)} months, "
          f"revenue DuckDB {revenue:,.3f} / PostgreSQL {pg_total:,.3f}")
    for m in differing:
        print(f"  DIFFERS {m}: DuckDB {duck.get(m)}  PostgreSQL {pg.get(m)}")
    if differing:
        print(f"CHECK FAILED: {len(differing)} of {len(months)} months differ (revenue, orders or active customers)")
        return 1
    print(f"CHECK OK: revenue, orders and active customers equal in all {len(months)} months")
    return 0


if __name__ == "__main__":
    sys.exit(main())
