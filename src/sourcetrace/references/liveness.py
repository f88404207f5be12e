"""Article with references -> the same references with each well-formed URL checked live (--check-links).

Async httpx with a global concurrency cap and a per-host cap (settings [links]); HEAD first, GET when
HEAD is refused or fails; redirects followed one hop at a time (each hop's address is checked, so a
redirect cannot lead into a private network, and the connection goes to the addresses checked, so a
second DNS answer cannot either: ingest/pinning.py) and the final URL recorded. Statuses: live,
redirected, dead (404, 410, DNS failure), blocked (401, 403, 429, 451), unknown (timeouts, 5xx,
refused addresses, anything else): one timeout never makes a link dead. Results go through an injectable
dict-like cache so a store can persist them between runs.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass, replace
from typing import MutableMapping
from urllib.parse import urljoin, urlsplit

import httpx

from ..ingest.fetch import refused_address
from ..ingest.pinning import AsyncPinnedTransport, Pins, UnvettedHost
from ..model import Article
from ..settings import Settings

DEAD = {404, 410}
BLOCKED = {401, 402, 403, 429, 451}
# HEAD answers that say nothing about the page: retry with GET (many servers refuse HEAD).
HEAD_RETRY = {400, 403, 404, 405, 406, 429, 500, 501, 502, 503}
REDIRECTS = {301, 302, 303, 307, 308}
# Reason of a URL not fetched because it resolves to a private address: an answer about the settings
# (fetch.allow_private), not about the URL, so a store does not keep it.
REFUSED_PRIVATE = "refused private address"


@dataclass(frozen=True, slots=True)
class LinkResult:
    status: str  # live | redirected | dead | blocked | unknown
    http_status: int | None = None
    final_url: str | None = None
    reason: str = ""


LinkCache = MutableMapping[str, LinkResult]


def check_links(article: Article, settings: Settings, cache: LinkCache | None = None) -> Article:
    """The article with every `ok` URL of its references replaced by its live status."""
    wanted = sorted({u.url for r in article.references for u in r.urls if u.status == "ok" and u.url})
    if not wanted:
        return article
    results = check_urls(wanted, settings, cache)
    refs = []
    for ref in article.references:
        urls = tuple(
            replace(u, status=results[u.url].status, http_status=results[u.url].http_status,
                    final_url=results[u.url].final_url, reason=results[u.url].reason)
            if u.status == "ok" and u.url in results else u
            for u in ref.urls
        )
        refs.append(replace(ref, urls=urls))
    return replace(article, references=tuple(refs))


def check_urls(urls: list[str], settings: Settings, cache: LinkCache | None = None) -> dict[str, LinkResult]:
    """url -> LinkResult for each of `urls`; cached results are reused and new ones stored in `cache`."""
    cache = {} if cache is None else cache
    todo = [u for u in dict.fromkeys(urls) if u not in cache]
    if todo:
        fresh = _run(_check_all(todo, settings))
        for url, result in fresh.items():
            cache[url] = result
    return {u: cache[u] for u in urls}


def _run(coro):
    """asyncio.run, also when called from inside a running loop (then in a worker thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.setdefault("r", asyncio.run(coro)))
    thread.start()
    thread.join()
    return box["r"]


async def _check_all(urls: list[str], settings: Settings) -> dict[str, LinkResult]:
    overall = asyncio.Semaphore(max(1, int(settings.get("links", "concurrency"))))
    per_host_n = max(1, int(settings.get("links", "per_host")))
    hosts: dict[str, asyncio.Semaphore] = {}
    timeout = httpx.Timeout(float(settings.get("links", "timeout")))
    headers = {"User-Agent": settings.get("fetch", "user_agent")}
    pins = Pins()  # host -> addresses vetted by _vet; the transport connects nowhere else
    transport = AsyncPinnedTransport(pins)
    async with httpx.AsyncClient(
        transport=transport, timeout=timeout, headers=headers, follow_redirects=False
    ) as client:

        async def one(url: str) -> tuple[str, LinkResult]:
            try:
                host = (urlsplit(_absolute(url)).hostname or "").lower()
            except ValueError:
                return url, LinkResult("unknown", reason="the URL cannot be parsed")
            sem = hosts.setdefault(host, asyncio.Semaphore(per_host_n))
            async with overall, sem:
                return url, await _check(client, pins, _absolute(url), settings)

        pairs = await asyncio.gather(*(one(u) for u in urls))
    return dict(pairs)


def _absolute(url: str) -> str:
    return url if "://" in url else "http://" + url


async def _vet(url: str, settings: Settings) -> tuple[str | None, tuple[str, ...] | None]:
    """(why `url` may not be fetched: private address, DNS failure, or None when it may; the addresses
    it may be fetched from, None for any). The same rule as ingest.fetch.refused_address."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:  # a port out of range, a bad IPv6 literal
        return "the URL cannot be parsed", None
    if not host:
        return "no host", None
    if settings.get("fetch", "allow_private"):
        return None, None
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return "dns", None
    addresses = tuple(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        if refused_address(address):
            return f"{REFUSED_PRIVATE} {address}", None
    return (None, addresses) if addresses else ("dns", None)


async def _check(client: httpx.AsyncClient, pins: Pins, url: str, settings: Settings) -> LinkResult:
    max_hops = int(settings.get("fetch", "max_redirects"))
    current = url
    for hop in range(max_hops + 1):
        why, addresses = await _vet(current, settings)
        if why == "dns":
            return LinkResult("dead", reason="DNS lookup failed")
        if why:
            return LinkResult("unknown", reason=why)
        try:
            pins.pin(current, addresses)  # this hop connects to what _vet saw, nowhere else
        except (httpx.InvalidURL, ValueError):  # httpx's parser is stricter than urlsplit (IDNA)
            return LinkResult("unknown", reason="the URL cannot be parsed")
        try:
            response = await _head_then_get(client, current)
        except UnvettedHost as exc:
            return LinkResult("unknown", reason=str(exc))
        except httpx.TimeoutException:
            return LinkResult("unknown", reason="timeout")
        except httpx.ConnectError as exc:
            if isinstance(exc.__cause__, socket.gaierror) or "Name or service not known" in str(exc):
                return LinkResult("dead", reason="DNS lookup failed")
            return LinkResult("unknown", reason=f"connection failed: {exc}")
        except httpx.HTTPError as exc:
            return LinkResult("unknown", reason=f"{type(exc).__name__}: {exc}")
        code = response.status_code
        if code in REDIRECTS and "location" in response.headers:
            current = urljoin(current, response.headers["location"])
            continue
        final = current if hop else None
        if 200 <= code < 300:
            return LinkResult("redirected" if hop else "live", code, final)
        if code in DEAD:
            return LinkResult("dead", code, final)
        if code in BLOCKED:
            return LinkResult("blocked", code, final)
        return LinkResult("unknown", code, final, reason=f"HTTP {code}")
    return LinkResult("unknown", reason=f"more than {max_hops} redirects", final_url=current)


async def _head_then_get(client: httpx.AsyncClient, url: str) -> httpx.Response:
    try:
        response = await client.head(url)
        if response.status_code not in HEAD_RETRY:
            return response
    except httpx.TimeoutException:
        raise
    except httpx.HTTPError:
        pass
    # GET without reading the body: only the status line and headers matter here
    async with client.stream("GET", url) as response:
        return response
