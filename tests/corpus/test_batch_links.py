"""Batch --check-links against a real HTTP server on 127.0.0.1 and a real DuckDB file: the checks
land in url_checks, and a later batch reuses them instead of fetching the URLs again.

Runs the standard pipeline (settings links.check, fetch.allow_private for loopback). Each test
serves its URLs under its own path prefix, so request counts and stored URLs never mix.
"""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from local_http import QuietHandler
from sourcetrace.corpus import run_batch
from sourcetrace.model import Url
from sourcetrace.store import Store

# last path segment -> (HTTP status, Location)
ROUTES = {"ok": (200, None), "missing": (404, None), "moved": (301, "ok")}
HITS: Counter[str] = Counter()  # request path -> requests, both methods
PREFIXES = itertools.count(1)


class Handler(QuietHandler):
    def _answer(self) -> None:
        HITS[self.path] += 1
        prefix, _, name = self.path.rpartition("/")
        code, location = ROUTES.get(name, (404, None))
        self.reply(code, headers={"Location": f"{prefix}/{location}"} if location else None)

    do_HEAD = do_GET = _answer  # noqa: N815


@pytest.fixture(scope="module")
def server(serve_http):
    with serve_http(Handler) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture()
def base(server):
    return f"{server}/t{next(PREFIXES)}"  # short: finding messages shorten long URLs


def hits(base: str, name: str = "") -> int:
    """Requests the server had under `base` (for the URL `base/name` only, with a name)."""
    path = "/" + base.split("/", 3)[3] + "/"
    return sum(n for p, n in HITS.items() if (p == path + name if name else p.startswith(path)))


@pytest.fixture(scope="module")
def checking(settings):
    # a generous timeout: a slow answer on a loaded machine would turn a status into `unknown`
    return settings.with_overrides({"fetch": {"allow_private": True}, "links": {"check": True, "timeout": 10.0}})


def write_docs(directory, base, load_fixture, n):
    directory.mkdir(parents=True)
    text = load_fixture("corpus_links.txt").replace("{base}", base)
    for i in range(n):
        (directory / f"{directory.name}{i}.txt").write_text(f"Story {directory.name} {i}\n\n{text}")


def batch(directory, db, settings, jobs):
    """run_batch that fails the test, with the stored reasons, when a document failed."""
    counts = run_batch([directory], db, settings, jobs=jobs, chunk_size=1, progress=False)
    if counts.failures:
        with Store(db, read_only=True) as store:
            pytest.fail(f"failed documents: {store.query('SELECT doc_id, code, message FROM failures')[1]}")
    return counts


def url_checks(db) -> dict[str, tuple]:
    with Store(db, read_only=True) as store:
        _, rows = store.query("SELECT url, status, http_status, final_url, reason FROM url_checks")
    return {r[0]: r[1:] for r in rows}


def audited(db, directory) -> tuple[list, list]:
    """(urls, url_statuses) of each reference and (code, message) of each finding in `directory`'s documents."""
    like = [f"{directory}/%"]
    with Store(db, read_only=True) as store:
        _, refs = store.query('SELECT id, urls, url_statuses FROM "references" WHERE article_id LIKE ? '
                              "ORDER BY article_id, id", like)
        _, findings = store.query("SELECT code, message FROM findings WHERE article_id LIKE ? "
                                  "ORDER BY article_id, code, message", like)
    return refs, findings


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_check_links_stores_checks_and_reuses_them(tmp_path, base, checking, load_fixture, jobs):
    write_docs(tmp_path / "first", base, load_fixture, 3)
    db = tmp_path / "corpus.duckdb"
    assert batch(tmp_path / "first", db, checking, jobs).documents == 3
    assert url_checks(db) == {
        f"{base}/ok": ("live", 200, None, ""),
        f"{base}/missing": ("dead", 404, None, ""),
        f"{base}/moved": ("redirected", 200, f"{base}/ok", ""),
    }
    # each URL is fetched once per worker process, not once per document citing it
    first_hits = hits(base)
    assert 0 < first_hits <= jobs * 5  # ok: HEAD; missing: HEAD + GET; moved: HEAD + HEAD of ok
    refs, findings = audited(db, tmp_path / "first")
    assert [r[2] for r in refs] == [["live"], ["dead"], ["redirected"]] * 3
    assert [f for f in findings if f[0] == "dead-url"] == [("dead-url", f'the URL "{base}/missing" of [2] is gone (HTTP 404).')] * 3

    write_docs(tmp_path / "second", base, load_fixture, 3)
    assert batch(tmp_path / "second", db, checking, jobs).documents == 3
    assert hits(base) == first_hits  # no request at all: every URL came from url_checks
    assert audited(db, tmp_path / "second") == (refs, findings)
    assert len(url_checks(db)) == 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_check_links_trusts_stored_checks(tmp_path, base, checking, load_fixture, jobs):
    """A check stored by an earlier run wins over the live answer: the URL is not fetched."""
    db = tmp_path / "corpus.duckdb"
    with Store(db) as store:
        store.put_url_checks([Url(f"{base}/missing", "blocked", http_status=403, reason="earlier run")])
    write_docs(tmp_path / "docs", base, load_fixture, 2)
    assert batch(tmp_path / "docs", db, checking, jobs).documents == 2
    refs, findings = audited(db, tmp_path / "docs")
    assert [r[2] for r in refs] == [["live"], ["blocked"], ["redirected"]] * 2
    assert hits(base, "missing") == 0 and hits(base, "ok") > 0
    assert "dead-url" not in {f[0] for f in findings} and "unreachable-url" in {f[0] for f in findings}
    assert url_checks(db)[f"{base}/missing"] == ("blocked", 403, None, "earlier run")


def test_batch_without_check_links_leaves_url_checks_empty(tmp_path, base, settings, load_fixture):
    write_docs(tmp_path / "docs", base, load_fixture, 2)
    db = tmp_path / "corpus.duckdb"
    run_batch([tmp_path / "docs"], db, settings, jobs=1, progress=False)
    assert url_checks(db) == {}
    assert hits(base) == 0
    refs, _ = audited(db, tmp_path / "docs")
    assert [r[2] for r in refs] == [["ok"]] * 6


def test_batch_does_not_store_refused_private_addresses(tmp_path, base, settings, load_fixture):
    """Without --allow-private a loopback URL is refused: an answer about the settings, not kept."""
    write_docs(tmp_path / "docs", base, load_fixture, 1)
    db = tmp_path / "corpus.duckdb"
    run_batch([tmp_path / "docs"], db, settings.with_overrides({"links": {"check": True}}), jobs=1, progress=False)
    refs, _ = audited(db, tmp_path / "docs")
    assert [r[2] for r in refs] == [["unknown"]] * 3
    assert url_checks(db) == {} and hits(base) == 0


def test_batch_link_cache_is_bounded_and_drains_fetched_results():
    from sourcetrace.corpus.batch import _LinkCache
    from sourcetrace.references.liveness import LinkResult

    known = {"http://a.org/": LinkResult("dead", 404)}
    cache = _LinkCache(lambda urls: {u: known[u] for u in urls if u in known}, size=2)
    cache.load(["http://a.org/", "http://b.org/"])
    assert "http://a.org/" in cache and "http://b.org/" not in cache
    cache["http://b.org/"] = LinkResult("live", 200)
    cache["http://c.org/"] = LinkResult("unknown", reason="refused private address 127.0.0.1")
    cache["http://d.org/"] = LinkResult("unknown", reason="timed out")  # passing: asked again next run
    assert len(cache) == 2 and "http://a.org/" not in cache and "http://b.org/" not in cache  # LRU first
    rows = cache.drain()["url_checks"]
    assert (rows["url"], rows["status"], rows["http_status"]) == (["http://b.org/"], ["live"], [200])
    assert cache.drain() == {}


def test_dask_check_links_stores_checks_and_reuses_them(tmp_path, base, checking, load_fixture):
    """The Dask engine: partitions carry their url_checks, the driver stores them, workers reuse them."""
    pytest.importorskip("distributed")
    from sourcetrace.corpus.dask import run_dask

    write_docs(tmp_path / "first", base, load_fixture, 2)
    db = tmp_path / "corpus.duckdb"
    run_dask([tmp_path / "first"], db, checking, n_workers=1, processes=False, partition_size=1, progress=False)
    assert url_checks(db)[f"{base}/missing"] == ("dead", 404, None, "")
    assert len(url_checks(db)) == 3
    first_hits = hits(base)
    write_docs(tmp_path / "second", base, load_fixture, 2)
    run_dask([tmp_path / "second"], db, checking, n_workers=1, processes=False, progress=False)
    assert hits(base) == first_hits
    assert audited(db, tmp_path / "second")[0] == audited(db, tmp_path / "first")[0]
    assert not list(tmp_path.glob(".sourcetrace-*"))  # partitions and the url_checks copy are removed
