"""Benchmark batch mode: articles/s and MB/s with -j 1 and -j 2, peak RSS per worker, DuckDB load time.

Corpora: PolNeAR train+dev texts and the 181 extraction-benchmark HTML pages (read from ../shared,
never copied). `--warc N` adds the memory-flatness check: a synthetic WARC.gz of N HTML records built
from those texts, audited with the largest --jobs while each worker's RSS is sampled (off by default; slow).

    .venv/bin/python bench/corpus.py [--jobs 1 2] [--warc 20000 [--warc-only]] [--shared ../shared]

On a shared machine wall-clock rates depend on the load; "articles per CPU-second" (CPU time of
the main process and every worker) does not.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import resource
import tempfile
import threading
import time
from pathlib import Path

from sourcetrace.corpus import run_batch
from sourcetrace.corpus.batch import WorkerSpec, _Worker, chunked
from sourcetrace.corpus.inputs import ingest_item, iter_inputs
from sourcetrace.settings import Settings
from sourcetrace.store import Store

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


class RssSampler(threading.Thread):
    """Samples VmRSS/VmHWM of every descendant process from /proc every `every` s.

    The descendants are the pool workers plus the small fork server and resource tracker, so the
    largest peak is a worker's.
    """

    def __init__(self, every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.every, self.stop, self.peak, self.series, self.cpu = every, threading.Event(), {}, {}, {}

    def _children(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    parents[int(entry)] = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
        found, frontier = [], [os.getpid()]
        while frontier:
            pid = frontier.pop()
            kids = [c for c, p in parents.items() if p == pid]
            found += kids
            frontier += kids
        return found

    def run(self) -> None:
        start = time.perf_counter()
        while not self.stop.is_set():
            for pid in self._children():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                # utime + stime (fields 14 and 15 of /proc/PID/stat), in clock ticks
                self.cpu[pid] = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                rss = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
                hwm = int(fields.get("VmHWM", "0 kB").split()[0]) * 1024
                self.peak[pid] = max(self.peak.get(pid, 0), hwm)
                self.series.setdefault(pid, []).append((time.perf_counter() - start, rss))
            self.stop.wait(self.every)


def bench(label: str, inputs: list[Path], jobs: int, settings: Settings, tmp: Path, n_bytes: int) -> dict:
    db = tmp / f"{label}-j{jobs}.duckdb"
    sampler = RssSampler()
    sampler.start()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    counts = run_batch(inputs, db, settings, jobs=jobs, progress=False)
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    sampler.stop.set()
    sampler.join()
    if jobs == 1:
        worker_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    else:
        worker_peak = max(sampler.peak.values(), default=0)
    return {
        "label": label, "jobs": jobs, "articles": counts.audited, "failures": counts.failures,
        "seconds": counts.seconds, "per_s": counts.per_second, "mb_s": n_bytes / MIB / counts.seconds,
        "cpu_s": (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime) + sum(sampler.cpu.values()),
        "peak_rss_mib": worker_peak / MIB,
    }


def load_time(inputs: list[Path], settings: Settings, tmp: Path) -> tuple[int, int, float]:
    """(documents, rows, seconds) to write already-audited rows into a fresh store in 500-doc batches."""
    worker = _Worker(WorkerSpec.make(settings, None, ingest_item, None))
    batches = []
    for chunk in chunked(iter_inputs(inputs), 500):
        rows, _docs, _fails = worker.chunk(chunk)
        batches.append(rows)
    n_docs = sum(len(b.get("documents", {}).get("id", [])) for b in batches)
    n_rows = sum(len(next(iter(cols.values()))) for b in batches for cols in b.values())
    start = time.perf_counter()
    with Store(tmp / "load.duckdb") as store:
        for rows in batches:
            store.write_rows(rows)
    return n_docs, n_rows, time.perf_counter() - start


def make_warc(path: Path, texts: list[Path], n: int) -> int:
    """A WARC.gz of `n` HTML response records made from `texts` (cycled); returns the payload bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bodies = []
    for t in texts:
        paras = [p for p in t.read_text("utf-8").split("\n") if p.strip()]
        bodies.append(("<html><head><title>" + html.escape(paras[0][:80]) + "</title></head><body><article>"
                       + "".join(f"<p>{html.escape(p)}</p>" for p in paras) + "</article></body></html>").encode())
    total = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            body = bodies[i % len(bodies)]
            total += len(body)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://synthetic.example/{i}", "response", payload=io.BytesIO(body), length=len(body), http_headers=http))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--warc", type=int, default=0, help="records in the synthetic WARC flatness check (0: skip)")
    parser.add_argument("--skip-pages", action="store_true", help="skip the 181 HTML pages")
    parser.add_argument("--warc-only", action="store_true", help="run only the --warc check")
    args = parser.parse_args(argv)
    settings = Settings()
    polnear = [args.shared / "data/polnear/train/text", args.shared / "data/polnear/dev/text"]
    pages = [args.shared / "data/article-extraction-benchmark/html"]
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmpdir:
        tmp = Path(tmpdir)
        corpora = [("polnear", polnear)] + ([] if args.skip_pages else [("pages", pages)])
        if args.warc_only:
            corpora = []
        for label, inputs in corpora:
            n_bytes = sum(len(i.data or b"") for i in iter_inputs(inputs))
            for jobs in args.jobs:
                results.append(bench(label, inputs, jobs, settings, tmp, n_bytes))
                r = results[-1]
                print(f"{label:8} -j {jobs}: {r['articles']} articles ({r['failures']} failed) in {r['seconds']:.1f} s = "
                      f"{r['per_s']:.1f} articles/s, {r['mb_s']:.2f} MB/s; peak RSS per worker {r['peak_rss_mib']:.0f} MiB; "
                      f"CPU {r['cpu_s']:.1f} s (all processes) = {r['articles'] / r['cpu_s']:.1f} articles per CPU-second",
                      flush=True)
        if not args.warc_only:
            docs, rows, seconds = load_time(polnear, settings, tmp)
            print(f"DuckDB load: {docs} documents = {rows} rows in {seconds:.2f} s ({rows / seconds:,.0f} rows/s)",
                  flush=True)
        if args.warc:
            texts = sorted((args.shared / "data/polnear/train/text").glob("*.txt"))
            warc = tmp / "synthetic.warc.gz"
            payload = make_warc(warc, texts, args.warc)
            sampler = RssSampler(every=1.0)
            sampler.start()
            counts = run_batch([warc], tmp / "warc.duckdb", settings, jobs=max(args.jobs), progress=False)
            sampler.stop.set()
            sampler.join()
            print(f"WARC {args.warc} records ({payload / MIB:.0f} MiB HTML): {counts.audited} articles in "
                  f"{counts.seconds:.0f} s = {counts.per_second:.1f} articles/s", flush=True)
            for pid, series in sampler.series.items():
                if len(series) < 8:
                    continue
                quarter = len(series) // 4
                first = max(r for _, r in series[:quarter]) / MIB
                last = max(r for _, r in series[-quarter:]) / MIB
                print(f"  worker {pid}: RSS max first quarter {first:.0f} MiB, last quarter {last:.0f} MiB, "
                      f"peak {sampler.peak[pid] / MIB:.0f} MiB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
