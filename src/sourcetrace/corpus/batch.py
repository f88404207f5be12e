"""The batch runner: inputs -> audited Articles/Failures -> the DuckDB store, over worker processes.

Items stream from `iter_inputs`; ids already stored are skipped (resume); chunks go to a process pool
with a bounded number in flight (flat memory); workers audit each document (one timeout each) and
return table rows; the main process is the only writer and commits one transaction per batch.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..errors import SourcetraceError
from ..model import Article, Failure
from ..pipeline import Stage, default_stages, failure_from, run
from ..settings import Settings
from ..store._rows import Rows, merge_rows, rows_for
from ..store.duckdb import Store
from .inputs import Item, check_inputs, count_items, ingest_item, iter_inputs

Ingester = Callable[[Item, Settings], Article]

# Documents per worker task: big enough to amortise inter-process overhead (~1 ms per task), small
# enough that a crashed worker costs little to redo.
DEFAULT_CHUNK_SIZE = 16
# Documents per DuckDB transaction: a kill loses at most this many audits; larger batches insert faster.
DEFAULT_BATCH_SIZE = 500
# Seconds one document may take before it becomes a `timeout` failure: ~100x the slowest document
# measured (0.67 s of the 181 benchmark pages, 0.24 s of PolNeAR train), so only a pathological
# input (a regex blow-up, a giant table) hits it.
DEFAULT_TIMEOUT = 60.0
# Chunks queued per worker: keeps workers busy while bounding memory to a few chunks per worker.
# 4, not 2: while the main process commits a batch (~0.4 s for 500 documents) nothing new is
# submitted, and 2 chunks (one running, one queued: ~0.25 s of work) let the workers run dry.
IN_FLIGHT_PER_WORKER = 4


class DocumentTimeout(SourcetraceError):
    """One document took longer than the batch's per-document timeout."""

    code = "timeout"


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What a batch run did; `documents` + `failures` were stored by this run."""

    read: int = 0  # items read from the inputs
    skipped: int = 0  # already stored (resume)
    duplicates: int = 0  # ids seen earlier in this run
    documents: int = 0
    failures: int = 0
    bytes: int = 0  # payload bytes audited
    seconds: float = 0.0

    @property
    def audited(self) -> int:
        return self.documents + self.failures

    @property
    def per_second(self) -> float:
        return self.audited / self.seconds if self.seconds else 0.0


# -- per-document work (shared with corpus.dask) -----------------------------------------------------


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in the block after `seconds` (main thread on POSIX only; else no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"the document took longer than {seconds:g} s (per-document timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def audit_item(
    item: Item,
    settings: Settings,
    stages: Sequence[Stage] | None = None,
    ingest: Ingester = ingest_item,
    timeout: float | None = None,
) -> Article | Failure:
    """Ingest and audit one item with `sourcetrace.pipeline.run`; every error becomes a Failure."""
    stage = "read" if item.error is not None else "ingest"
    try:
        with _deadline(timeout):
            article = ingest(item, settings)
            stage = "pipeline"
            return run(article, settings, stages)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - batch mode records every failure and goes on
        return failure_from(item.doc_id, stage, exc)


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Everything a worker needs, picklable: settings as plain dicts, stages as importable functions."""

    settings: dict[str, dict[str, Any]]
    stages: tuple[Stage, ...] | None = None  # None: the standard stage list
    ingest: Ingester = ingest_item
    timeout: float | None = DEFAULT_TIMEOUT

    @classmethod
    def make(cls, settings: Settings, stages: Sequence[Stage] | None, ingest: Ingester, timeout: float | None) -> WorkerSpec:
        plain = {section: dict(values) for section, values in settings.values.items()}
        return cls(plain, tuple(stages) if stages is not None else None, ingest, timeout)


class _Worker:
    """A spec made ready to run: settings rebuilt and the stage list built once (models load once)."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.settings = Settings().with_overrides(spec.settings)
        self.stages = spec.stages if spec.stages is not None else default_stages(self.settings)
        self.ingest = spec.ingest
        self.timeout = spec.timeout

    def chunk(self, items: list[Item]) -> tuple[Rows, int, int]:
        """Rows for `items`, and how many became documents / failures."""
        results = [audit_item(item, self.settings, self.stages, self.ingest, self.timeout) for item in items]
        failures = sum(isinstance(r, Failure) for r in results)
        return rows_for(results), len(results) - failures, failures


_PROCESS_WORKER: list[_Worker] = []  # the one _Worker of a pool process, set by its initializer


def _init_process(spec: WorkerSpec) -> None:
    # A worker must not die of the Ctrl-C meant for the main process, which shuts the pool down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PROCESS_WORKER[:] = [_Worker(spec)]


def _process_chunk(items: list[Item]) -> tuple[Rows, int, int]:
    return _PROCESS_WORKER[0].chunk(items)


# -- the runner ----------------------------------------------------------------------------------------


def pending_items(
    items: Iterable[Item], done: set[str], counts: dict[str, int]
) -> Iterator[Item]:
    """`items` minus ids in `done` (stored) or seen earlier in this stream; updates `counts`."""
    seen: set[str] = set()
    for item in items:
        counts["read"] += 1
        if item.doc_id in done:
            counts["skipped"] += 1
        elif item.doc_id in seen:
            counts["duplicates"] += 1
        else:
            seen.add(item.doc_id)
            counts["bytes"] += len(item.data) if item.data is not None else 0
            yield item


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _mp_context() -> multiprocessing.context.BaseContext:
    # Never "fork": the parent may hold DuckDB and thread state; forkserver forks from a clean process.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Progress:
    """A rich progress bar on stderr (articles, articles/s, failures, ETA once the total is known), or nothing.

    The total is counted in a background thread (`count_items`), so a huge input starts at once; for
    WARC input it stays unknown and the bar shows no ETA.
    """

    def __init__(self, enabled: bool, inputs: Sequence[str | Path] = ()) -> None:
        self._bar = None
        if enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                                       TimeRemainingColumn)

            self._bar = Progress(
                SpinnerColumn(),
                BarColumn(),
                TextColumn("{task.completed}/{task.fields[total_text]}"),
                TextColumn("{task.fields[rate]:.1f} articles/s"),
                TextColumn("{task.fields[failures]} failed"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self._task = self._bar.add_task("batch", total=None, rate=0.0, failures=0, total_text="?")
            self._bar.start()
            if inputs:
                threading.Thread(target=self._count, args=(list(inputs),), daemon=True).start()

    def _count(self, inputs: list[str | Path]) -> None:
        try:
            total = count_items(inputs)
        except OSError:
            return
        if total is not None and self._bar is not None:
            self._bar.update(self._task, total=total, total_text=str(total))

    def update(self, processed: int, failures: int, rate: float) -> None:
        """`processed` counts audited, skipped and duplicate items alike (what the total counts)."""
        if self._bar is not None:
            self._bar.update(self._task, completed=processed, failures=failures, rate=rate)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def run_batch(
    inputs: Sequence[str | Path],
    db_path: str | Path,
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: bool = True,
    resume: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    stages: Sequence[Stage] | None = None,
    ingest: Ingester = ingest_item,
) -> BatchCounts:
    """Audit every article in `inputs` into the store at `db_path` and return what was done.

    `jobs` worker processes (default: CPU count; 1 runs in this process). With `resume`, ids already
    in documents or failures are skipped; without it they are audited again and replace the stored
    rows. `stages`/`ingest` replace the standard pipeline (tests, experiments). Raises InputError
    when an input does not exist, StoreError when the store cannot be written; a bad document
    never raises, it becomes a row in `failures`.
    """
    settings = settings or Settings()
    check_inputs(inputs)
    jobs = max(1, jobs or multiprocessing.cpu_count())
    if stages is None:
        default_stages(settings)  # fail fast (missing stage module) before any worker starts
    spec = WorkerSpec.make(settings, stages, ingest, timeout)
    max_bytes = int(settings.get("ingest", "max_bytes"))
    started = time.perf_counter()
    counts = {"read": 0, "skipped": 0, "duplicates": 0, "documents": 0, "failures": 0, "bytes": 0}
    with Store(db_path) as store:
        bar = _Progress(progress, inputs)
        done = store.done_ids() if resume else set()
        chunks = chunked(pending_items(iter_inputs(inputs, max_bytes=max_bytes), done, counts), chunk_size)
        writer = _Writer(store, batch_size, replace=not resume, counts=counts)

        def report() -> None:
            audited = writer.audited
            elapsed = time.perf_counter() - started
            processed = audited + counts["skipped"] + counts["duplicates"]
            bar.update(processed, writer.failed, audited / elapsed if elapsed else 0.0)

        try:
            if jobs == 1:
                worker = _Worker(spec)
                for chunk in chunks:
                    writer.add(*worker.chunk(chunk))
                    report()
            else:
                _run_pool(spec, jobs, chunks, writer, report)
            writer.flush()
        except KeyboardInterrupt:
            writer.flush()  # keep what is audited: the re-run resumes after it
            raise
        finally:
            bar.close()
    return BatchCounts(seconds=time.perf_counter() - started, **counts)


class _Writer:
    """Buffers worker rows and commits them in batches of `batch_size` documents (one transaction each)."""

    def __init__(self, store: Store, batch_size: int, *, replace: bool, counts: dict[str, int]) -> None:
        self.store, self.batch_size, self.replace, self.counts = store, batch_size, replace, counts
        self.rows: Rows = {}
        self.pending = [0, 0]  # documents, failures not yet committed
        self.audited = self.failed = 0  # processed so far (progress), committed or not

    def add(self, rows: Rows, documents: int, failures: int) -> None:
        merge_rows(self.rows, rows)
        self.pending[0] += documents
        self.pending[1] += failures
        self.audited += documents + failures
        self.failed += failures
        if sum(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        self.store.write_rows(self.rows, replace=self.replace)
        self.counts["documents"] += self.pending[0]
        self.counts["failures"] += self.pending[1]
        self.rows, self.pending = {}, [0, 0]


def _run_pool(spec: WorkerSpec, jobs: int, chunks: Iterator[list[Item]], writer: _Writer, report: Callable[[], None]) -> None:
    """Feed `chunks` to `jobs` processes, at most IN_FLIGHT_PER_WORKER each; redo crashed chunks."""
    ctx = _mp_context()

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_process, initargs=(spec,))

    pool = new_pool()
    in_flight: dict[Future, list[Item]] = {}
    crashed: list[list[Item]] = []
    exhausted = False
    try:
        while True:
            while not exhausted and not crashed and len(in_flight) < jobs * IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    try:
                        in_flight[pool.submit(_process_chunk, chunk)] = chunk
                    except BrokenProcessPool:  # a worker died since the last wait
                        crashed.append(chunk)
            if not in_flight:
                if not crashed:
                    return
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _isolate(crashed, new_pool, writer)
                crashed = []
                report()
                continue
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in finished:
                chunk = in_flight.pop(future)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    crashed.append(chunk)  # redone one document at a time once in-flight work drains
                    continue
                except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled back
                    failures = [failure_from(item.doc_id, "worker", exc) for item in chunk]
                    result = (rows_for(failures), 0, len(failures))
                writer.add(*result)
            report()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _isolate(chunks: list[list[Item]], new_pool: Callable[[], ProcessPoolExecutor], writer: _Writer) -> ProcessPoolExecutor:
    """Audit the documents of crashed chunks one by one; one that kills its worker again is a Failure."""
    pool = new_pool()
    for chunk in chunks:
        for item in chunk:
            try:
                result = pool.submit(_process_chunk, [item]).result()
            except BrokenProcessPool as exc:
                digest = failure_from(item.doc_id, "worker", exc).digest
                crash = Failure(item.doc_id, "worker", "worker-crashed",
                                "the worker process died on this document (crash or out of memory)", digest)
                result = (rows_for([crash]), 0, 1)
                pool.shutdown(wait=True)
                pool = new_pool()
            except Exception as exc:  # noqa: BLE001 - as in _run_pool
                result = (rows_for([failure_from(item.doc_id, "worker", exc)]), 0, 1)
            writer.add(*result)
    return pool
