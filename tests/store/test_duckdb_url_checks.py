"""url_checks written with a batch's rows: one transaction with the documents, one row per URL,
through Parquet partitions (Dask), and copied to a file worker processes can read."""

from __future__ import annotations

from datetime import datetime

import pytest

from sourcetrace.errors import StoreError
from sourcetrace.model import Url
from sourcetrace.store import Store
from sourcetrace.store._rows import rows_for
from sourcetrace.store.duckdb import URL_CHECK_COLUMNS

from .test_duckdb import full_article

AT = datetime(2026, 1, 2, 3, 4, 5)


def checks(*rows: tuple) -> dict:
    """url_checks rows of (url, status, final_url, http_status, reason) checked at AT."""
    return {"url_checks": {name: [r[i] if i < 5 else AT for r in rows] for i, name in enumerate(URL_CHECK_COLUMNS)}}


def stored(store: Store) -> dict[str, tuple]:
    return {u: (c.status, c.http_status, c.final_url, c.reason) for u, c in store.url_checks(
        [r[0] for r in store.query("SELECT url FROM url_checks")[1]]).items()}


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "corpus.duckdb"


def test_duckdb_url_checks_written_with_the_batch(db):
    rows = rows_for([full_article("a1")])
    rows.update(checks(("http://a.org/", "dead", None, 404, ""), ("http://b.org/", "live", None, 200, "")))
    with Store(db) as store:
        store.write_rows(rows)
        assert stored(store) == {"http://a.org/": ("dead", 404, None, ""), "http://b.org/": ("live", 200, None, "")}
        _, at = store.query("SELECT DISTINCT checked_at FROM url_checks")
    assert at == [(AT,)]


def test_duckdb_url_checks_roll_back_with_a_failed_batch(db):
    with Store(db) as store:
        store.write_batch([full_article("a1")])
        rows = rows_for([full_article("a1")])  # a1 again without replace: the batch fails
        rows.update(checks(("http://a.org/", "dead", None, 404, "")))
        with pytest.raises(StoreError):
            store.write_rows(rows)
        assert store.url_checks(["http://a.org/"]) == {}


@pytest.mark.parametrize(
    ("batches", "expected"),
    [
        # two workers fetched the same URL for one batch: the last row given wins
        ([[("http://a.org/", "unknown", None, 503, "HTTP 503"), ("http://a.org/", "live", None, 200, "")]],
         ("live", 200, None, "")),
        # a later batch replaces an earlier check
        ([[("http://a.org/", "live", None, 200, "")], [("http://a.org/", "dead", None, 410, "")]],
         ("dead", 410, None, "")),
    ],
)
def test_duckdb_url_checks_one_row_per_url(db, batches, expected):
    with Store(db) as store:
        for batch in batches:
            store.write_rows(checks(*batch))
        assert store.n_url_checks() == 1
        assert stored(store) == {"http://a.org/": expected}


def test_duckdb_url_checks_travel_in_parquet_partitions(db, tmp_path):
    with Store(":memory:") as scratch:  # what a Dask worker does with its rows
        rows = rows_for([full_article("a1")])
        rows.update(checks(("http://a.org/", "redirected", "http://b.org/", 200, "")))
        scratch.write_rows(rows)
        scratch.export_parquet(tmp_path / "part")
    with Store(db) as store:
        store.put_url_checks([Url("http://a.org/", "dead", http_status=404)])
        store.load_parquet(tmp_path / "part")
        assert stored(store) == {"http://a.org/": ("redirected", 200, "http://b.org/", "")}
        assert store.done_ids() == {"a1"}


def test_duckdb_url_checks_copy_opens_while_the_store_is_written(db, tmp_path):
    with Store(db) as store:
        store.put_url_checks([Url("http://a.org/", "dead", http_status=404), Url("http://b.org/", "live", http_status=200)])
        assert store.copy_url_checks(tmp_path / "copy.duckdb") == 2
        with Store(tmp_path / "copy.duckdb", read_only=True) as copy:
            assert stored(copy) == stored(store)
