"""Corpus scale: inputs (directories, globs, JSONL, WARC) -> audited Articles -> the DuckDB store.

`run_batch` runs locally over worker processes; `corpus.dask.run_dask` runs the same per-document
work on a Dask cluster (the `dask` extra) and loads the workers' Parquet into the store.
"""

from __future__ import annotations

from .batch import BatchCounts, audit_item, run_batch
from .inputs import Item, check_inputs, ingest_item, iter_inputs

__all__ = ["BatchCounts", "Item", "audit_item", "check_inputs", "ingest_item", "iter_inputs", "run_batch"]
