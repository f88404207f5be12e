"""The batch runner on Dask: the same per-document work as corpus.batch, on a cluster's workers.

Workers audit chunks of Items and each writes one Parquet partition (through an in-memory DuckDB,
so the column types are the store's own); the driver loads each finished partition into the store in
one transaction, so the database is only ever written by the driver. Needs the `dask` extra.
With --check-links, workers read the checks known at the start from a copy of url_checks in the
partition directory, and each partition carries the URLs its task fetched (url_checks.parquet).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import uuid
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from ..errors import ConfigError
from ..pipeline import Stage, default_stages, failure_from
from ..settings import Settings
from ..store.duckdb import Store
from .batch import (DEFAULT_TIMEOUT, BatchCounts, Ingester, WorkerSpec, _Progress, _Worker, chunked,
                    link_checks_copy, pending_items)
from .inputs import Item, check_inputs, ingest_item, iter_inputs

# Documents per Dask task: Dask's per-task overhead (~1 ms scheduler time plus shipping the items) is
# larger than a local pool's, and each task writes one Parquet partition per table.
DEFAULT_PARTITION_SIZE = 200
# Tasks queued per worker thread: keeps the cluster busy while the driver holds few items in memory.
IN_FLIGHT_PER_THREAD = 2

# One ready _Worker per run token in each worker process (models load once per worker, not per task).
_WORKERS: dict[str, _Worker] = {}
_WORKERS_LOCK = threading.Lock()


def _audit_partition(items: list[Item], spec: WorkerSpec, token: str, out_dir: str) -> tuple[str, int, int]:
    """Audit `items` on a Dask worker and write them as one Parquet partition; returns (dir, docs, failures)."""
    with _WORKERS_LOCK:
        worker = _WORKERS.get(token)
        if worker is None:
            _WORKERS.clear()  # a long-lived cluster serves one run after another: drop earlier runs' stages
            worker = _WORKERS[token] = _Worker(spec)
    rows, documents, failures = worker.chunk(items)
    final = Path(out_dir)
    partial = final.with_name(final.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    with Store(":memory:") as scratch:
        scratch.write_rows(rows)
        scratch.export_parquet(partial)
    partial.rename(final)  # the driver only ever sees complete partitions
    return str(final), documents, failures


def run_dask(
    inputs: Sequence[str | Path],
    db_path: str | Path,
    settings: Settings | None = None,
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    processes: bool = True,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    parquet_dir: str | Path | None = None,
    keep_parquet: bool = False,
    progress: bool = True,
    resume: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    stages: Sequence[Stage] | None = None,
    ingest: Ingester = ingest_item,
) -> BatchCounts:
    """Audit `inputs` on Dask into the store at `db_path`; same results and resume rules as run_batch.

    `scheduler` is a Dask scheduler address ("tcp://host:8786"); without one a LocalCluster of
    `n_workers` is started (threads when `processes` is false). Partitions go to `parquet_dir`
    (default: a temporary directory beside the database), which must be reachable by the workers
    and the driver alike; they are removed once loaded unless `keep_parquet`. Dask runs tasks in
    worker threads, where no signal can interrupt a document: `timeout` is checked there between
    stages and inside the long stage loops (pipeline.run's deadline, limits.check_deadline). Raises ConfigError when dask.distributed is missing.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError(
            "the dask engine needs dask.distributed: pip install 'sourcetrace[dask]', or use --engine local"
        ) from None
    settings = settings or Settings()
    check_inputs(inputs)
    # the standard list also fails fast here on a broken install, before the cluster starts
    stage_list = tuple(stages) if stages is not None else default_stages(settings)
    spec = WorkerSpec.make(settings, stages, ingest, timeout)
    token = uuid.uuid4().hex[:12]
    started = time.perf_counter()
    counts = {"read": 0, "skipped": 0, "duplicates": 0, "documents": 0, "failures": 0, "bytes": 0}
    own_dir = parquet_dir is None
    out_root = Path(parquet_dir) if parquet_dir else Path(
        tempfile.mkdtemp(prefix=".sourcetrace-parts-", dir=Path(db_path).resolve().parent)
    )
    out_root.mkdir(parents=True, exist_ok=True)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes,
                               dashboard_address=None)
    bar = _Progress(progress, inputs)
    audited = failed = 0
    try:
        with ExitStack() as stack:
            client = stack.enter_context(Client(cluster if cluster is not None else scheduler))
            store = stack.enter_context(Store(db_path))
            # workers may be other machines: the copy goes where the partitions go, which they reach
            spec = replace(spec, link_checks=stack.enter_context(link_checks_copy(store, stage_list, out_root)))
            threads = max(1, sum(client.nthreads().values()))
            done = store.done_ids() if resume else set()
            max_bytes = int(settings.get("ingest", "max_bytes"))
            parts = chunked(pending_items(iter_inputs(inputs, max_bytes=max_bytes), done, counts), partition_size)
            queue = as_completed()
            in_flight: dict[str, list[Item]] = {}  # task key -> its items, to record them if the task dies
            n_parts = 0

            def submit() -> bool:
                nonlocal n_parts
                part = next(parts, None)
                if part is None:
                    return False
                n_parts += 1
                out_dir = out_root / f"part-{token}-{n_parts:06d}"
                future = client.submit(_audit_partition, part, spec, token, str(out_dir), pure=False)
                in_flight[future.key] = part
                queue.add(future)
                return True

            for _ in range(threads * IN_FLIGHT_PER_THREAD):
                if not submit():
                    break
            for future in queue:
                part = in_flight.pop(future.key)
                try:
                    part_dir, documents, failures = future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker: the task killed its workers
                    lost = [failure_from(item.doc_id, "worker", exc) for item in part]
                    store.write_batch(lost, replace=not resume)
                    documents, failures, part_dir = 0, len(lost), None
                future.release()
                if part_dir is not None:
                    store.load_parquet(part_dir, replace=not resume)
                    if not keep_parquet:
                        shutil.rmtree(part_dir, ignore_errors=True)
                counts["documents"] += documents
                counts["failures"] += failures
                audited += documents + failures
                failed += failures
                elapsed = time.perf_counter() - started
                processed = audited + counts["skipped"] + counts["duplicates"]
                bar.update(processed, failed, audited / elapsed if elapsed else 0.0)
                submit()
    finally:
        bar.close()
        if cluster is not None:
            cluster.close()
        if own_dir and not keep_parquet:
            shutil.rmtree(out_root, ignore_errors=True)
    return BatchCounts(seconds=time.perf_counter() - started, **counts)

