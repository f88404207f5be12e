"""Benchmark the web app: requests/s for POST /api/audit on the example article, on loopback.

Starts uvicorn in a subprocess (`--factory sourcetrace.server.app:create_app`, default settings),
warms it up, then sends a fixed number of requests with a fixed number in flight (a bounded run) and
prints requests/s, latency percentiles and the error count. Also times GET /healthz as a floor.

    .venv/bin/python bench/server.py [--requests 200] [--concurrency 4] [--workers 1] [--file examples/article.txt]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT = 60.0  # seconds until /healthz answers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    cmd = [
        sys.executable, "-m", "uvicorn", "--factory", "sourcetrace.server.app:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning",
        "--no-server-header",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start")


async def load(url: str, *, requests: int, concurrency: int, method: str, json: dict | None) -> tuple[float, list[float], int]:
    """Send `requests` requests with at most `concurrency` in flight; (wall seconds, latencies, errors)."""
    latencies: list[float] = []
    errors = 0
    queue = iter(range(requests))

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for _ in queue:  # shared iterator: the workers together send exactly `requests`
            t0 = time.perf_counter()
            try:
                r = await client.request(method, url, json=json)
                if r.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - t0)

    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        return time.perf_counter() - t0, latencies, errors


def report(name: str, wall: float, latencies: list[float], errors: int) -> None:
    qs = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else latencies * 99
    print(
        f"{name}: {len(latencies)} requests in {wall:.2f} s = {len(latencies) / wall:.1f} req/s; "
        f"latency p50 {qs[49] * 1000:.0f} ms, p95 {qs[94] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
        f"errors {errors}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="total POST /api/audit requests (bounded run)")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight at once")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--file", type=Path, default=ROOT / "examples" / "article.txt")
    args = parser.parse_args(argv)

    text = args.file.read_text("utf-8")
    port = free_port()
    proc = start_server(port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        body = {"text": text}
        warm = httpx.post(base + "/api/audit", json=body, timeout=120)  # loads the models in (one) worker
        if warm.status_code != 200:
            raise SystemExit(f"warm-up failed: HTTP {warm.status_code} {warm.text[:300]}")
        n_attr = len(warm.json()["attributions"])
        print(
            f"server: uvicorn, {args.workers} worker(s), 127.0.0.1; article {args.file.name} "
            f"({len(text)} chars, {n_attr} attributions); concurrency {args.concurrency}"
        )
        warm_up = max(8, args.workers * 4)  # every worker process loads its models before the timing
        asyncio.run(load(base + "/api/audit", requests=warm_up, concurrency=args.concurrency, method="POST", json=body))
        report("POST /api/audit", *asyncio.run(
            load(base + "/api/audit", requests=args.requests, concurrency=args.concurrency, method="POST", json=body)
        ))
        report("GET /healthz", *asyncio.run(
            load(base + "/healthz", requests=args.requests, concurrency=args.concurrency, method="GET", json=None)
        ))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
