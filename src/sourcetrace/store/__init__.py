"""The corpus store: Articles and Failures <-> a DuckDB file (schema.sql, docs/store.md), and its reports."""

from __future__ import annotations

from .duckdb import TABLES, Store
from .queries import REPORTS, export_parquet, format_csv, format_json, format_text, run_report

__all__ = ["REPORTS", "TABLES", "Store", "export_parquet", "format_csv", "format_json", "format_text", "run_report"]
