"""The batch runner: inputs -> audited Articles/Failures -> the DuckDB store, over worker processes.

Items stream from `iter_inputs`; ids already stored are skipped (resume); chunks go to a process pool
with a bounded number in flight (flat memory); workers audit each document (one timeout each) and
return table rows; the main process is the only writer and commits one transaction per batch.
With --check-links, workers reuse the store's url_checks (earlier runs) and their own checks of this
run, and return the URLs they fetched as url_checks rows, committed with the batch's documents.
"""

from __future__ import annotations

import multiprocessing
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import MutableMapping
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from ..errors import SourcetraceError
from ..model import Article, Failure
from ..pipeline import Stage, default_stages, failure_from, run
from ..settings import Settings
from ..store._rows import Rows, merge_rows, rows_for
from ..store.duckdb import URL_CHECK_COLUMNS, URL_CHECKS, Store
from .inputs import Item, check_inputs, count_items, ingest_item, iter_inputs

if TYPE_CHECKING:
    from ..references.liveness import LinkResult

Ingester = Callable[[Item, Settings], Article]
# urls -> the earlier checks known for them (absent: never checked)
KnownChecks = Callable[[list[str]], "dict[str, LinkResult]"]

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
# Link-check results one worker keeps in memory (~300 bytes each, so ~15 MB), least recently used
# dropped first. A dropped one is looked up again in the store's checks; one fetched in this run and
# dropped before its batch was committed (-j1) or at all (worker processes) is fetched again.
LINK_CACHE_SIZE = 50_000


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
    # The signal interrupts a document on a main thread; the deadline stops one anywhere (Dask runs
    # documents in worker threads), between stages and inside the long loops of the stages.
    deadline = time.monotonic() + timeout if timeout else None
    try:
        with _deadline(timeout):
            article = ingest(item, settings)
            stage = "pipeline"
            return run(article, settings, stages, deadline=deadline)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - batch mode records every failure and goes on
        return failure_from(item.doc_id, stage, exc)


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """Everything a worker needs, picklable: settings as plain dicts, stages as importable functions."""

    settings: dict[str, dict[str, Any]]
    stages: tuple[Stage, ...] | None = None  # None: the standard stage list
    ingest: Ingester = ingest_item
    timeout: float | None = DEFAULT_TIMEOUT
    link_checks: str | None = None  # a store file with the url_checks known when the run started

    @classmethod
    def make(cls, settings: Settings, stages: Sequence[Stage] | None, ingest: Ingester, timeout: float | None) -> WorkerSpec:
        plain = {section: dict(values) for section, values in settings.values.items()}
        return cls(plain, tuple(stages) if stages is not None else None, ingest, timeout)


class _Worker:
    """A spec made ready to run: settings rebuilt and the stage list built once (models load once).

    A check-links stage gets this worker's _LinkCache; `known` looks up earlier checks (default: the
    spec's `link_checks` copy of the store's table).
    """

    def __init__(self, spec: WorkerSpec, known: KnownChecks | None = None) -> None:
        self.settings = Settings().with_overrides(spec.settings)
        stages = spec.stages if spec.stages is not None else default_stages(self.settings)
        self.ingest = spec.ingest
        self.timeout = spec.timeout
        self.links: _LinkCache | None = None
        if checks_links(stages):
            from ..references.liveness import check_links

            if known is None and spec.link_checks is not None:
                known = _StoredChecks(spec.link_checks)
            self.links = _LinkCache(known)
            bound = partial(_check_links_cached, cache=self.links)
            stages = tuple(replace(s, fn=bound) if s.fn is check_links else s for s in stages)
        self.stages = stages

    def chunk(self, items: list[Item]) -> tuple[Rows, int, int]:
        """Rows for `items` (with the url_checks fetched meanwhile), and how many became documents / failures."""
        results = [audit_item(item, self.settings, self.stages, self.ingest, self.timeout) for item in items]
        failures = sum(isinstance(r, Failure) for r in results)
        rows = rows_for(results)
        if self.links is not None:
            merge_rows(rows, self.links.drain())
        return rows, len(results) - failures, failures


# -- link checks: reuse earlier ones, hand new ones to the writer ---------------------------------------


def checks_links(stages: Sequence[Stage]) -> bool:
    """Whether `stages` check URLs live (the references.liveness stage is in the list)."""
    # Not imported here: a list holding check_links has imported it, and httpx costs ~0.1 s per worker.
    liveness = sys.modules.get(__name__.rsplit(".", 2)[0] + ".references.liveness")
    return liveness is not None and any(s.fn is liveness.check_links for s in stages)


def _check_links_cached(article: Article, settings: Settings, *, cache: _LinkCache) -> Article:
    """check_links with the worker's cache, its earlier checks looked up in one query per document."""
    from ..references.liveness import check_links

    cache.load([u.url for r in article.references for u in r.urls if u.status == "ok" and u.url])
    return check_links(article, settings, cache)


def _link_result(url: Any) -> LinkResult:
    """A stored model.Url as the LinkResult check_links would have fetched (same four fields)."""
    from ..references.liveness import LinkResult

    return LinkResult(url.status, url.http_status, url.final_url, url.reason)


def _checks_in(store: Store, urls: list[str]) -> dict[str, LinkResult]:
    return {u: _link_result(v) for u, v in store.url_checks(urls).items()}


def _store_checks(store: Store) -> KnownChecks:
    """Earlier checks read from the open store itself (-j1: the writer is this process)."""
    return partial(_checks_in, store)


class _StoredChecks:
    """Earlier checks read from a copy of the store's url_checks (worker processes cannot open the
    store while the main process writes it). Opened on first use: a connection cannot be pickled."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._store: Store | None = None

    def __call__(self, urls: list[str]) -> dict[str, LinkResult]:
        if self._store is None:
            self._store = Store(self.path, read_only=True)
        return _checks_in(self._store, urls)


class _LinkCache(MutableMapping):
    """check_links' cache in one worker: earlier checks (`known`) under this run's results.

    Memory: at most LINK_CACHE_SIZE entries (least recently used go), plus the URLs fetched since the
    last `drain()` (one chunk's worth). Results fetched here are drained as url_checks rows, except
    `unknown` ones (see __setitem__). Locked because a Dask worker running tasks in threads shares one
    cache.
    """

    def __init__(self, known: KnownChecks | None, size: int = LINK_CACHE_SIZE) -> None:
        self._known = known
        self._size = max(1, size)
        self._recent: OrderedDict[str, LinkResult] = OrderedDict()
        self._fresh: dict[str, tuple[LinkResult, datetime]] = {}
        self._lock = threading.RLock()

    def load(self, urls: list[str]) -> None:
        """Bring the earlier checks of `urls` into memory, one lookup for all of them."""
        with self._lock:
            missing = [u for u in dict.fromkeys(urls) if u not in self._recent]
            if missing and self._known is not None:
                for url, result in self._known(missing).items():
                    self._keep(url, result)

    def drain(self) -> Rows:
        """url_checks rows for the results fetched since the last drain."""
        with self._lock:
            fresh, self._fresh = self._fresh, {}
        if not fresh:
            return {}
        columns: dict[str, list[Any]] = {name: [] for name in URL_CHECK_COLUMNS}
        for url, (r, at) in fresh.items():
            for name, value in zip(URL_CHECK_COLUMNS, (url, r.status, r.final_url, r.http_status, r.reason, at)):
                columns[name].append(value)
        return {URL_CHECKS: columns}

    def _keep(self, url: str, result: LinkResult) -> None:
        self._recent[url] = result
        self._recent.move_to_end(url)
        while len(self._recent) > self._size:
            self._recent.popitem(last=False)

    def __getitem__(self, url: str) -> LinkResult:
        with self._lock:
            result = self._recent[url]
            self._recent.move_to_end(url)
            return result

    def __setitem__(self, url: str, result: LinkResult) -> None:
        """A result check_links has just fetched. `unknown` ones (a timeout, a 5xx, an address refused
        by the settings) stay in this run's memory but are not stored: a later run asks again."""
        with self._lock:
            self._keep(url, result)
            if result.status != "unknown":
                self._fresh[url] = (result, datetime.now(timezone.utc).replace(tzinfo=None))

    def __delitem__(self, url: str) -> None:
        with self._lock:
            del self._recent[url]

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            return iter(list(self._recent))

    def __len__(self) -> int:
        return len(self._recent)


@contextmanager
def link_checks_copy(store: Store, stages: Sequence[Stage], directory: str | Path) -> Iterator[str | None]:
    """A read-only copy of `store`'s url_checks in `directory` for worker processes, removed on exit;
    None when `stages` check no links or nothing is stored yet."""
    if not checks_links(stages) or not store.n_url_checks():
        yield None
        return
    tmp = Path(tempfile.mkdtemp(prefix=".sourcetrace-links-", dir=directory))
    try:
        path = tmp / "url_checks.duckdb"
        store.copy_url_checks(path)
        yield str(path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


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
    # the standard list also fails fast here (missing stage module) before any worker starts
    stage_list = tuple(stages) if stages is not None else default_stages(settings)
    spec = WorkerSpec.make(settings, stages, ingest, timeout)
    max_bytes = int(settings.get("ingest", "max_bytes"))
    started = time.perf_counter()
    counts = {"read": 0, "skipped": 0, "duplicates": 0, "documents": 0, "failures": 0, "bytes": 0}
    with Store(db_path) as store, link_checks_copy(
        store, stage_list if jobs > 1 else (), Path(db_path).resolve().parent
    ) as known_copy:
        spec = replace(spec, link_checks=known_copy)
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
                worker = _Worker(spec, known=_store_checks(store))
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
