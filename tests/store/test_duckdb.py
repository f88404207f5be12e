"""Store round trips on a real DuckDB file: every layer, failures, resume ids, atomic batches."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from sourcetrace.errors import StoreError
from sourcetrace.model import (
    Article, Attribution, Author, Document, Failure, Finding, Link, Marker, Mention, Reference,
    ReferenceFields, Region, Span, Speaker, Url,
)
from sourcetrace.store import TABLES, Store

TEXT = '"We will not back down," said Patrick Disney. Disney added more.[1]\nNotes\n1. Disney, P. Report. http://x.org/a<'


def full_article(article_id: str = "a1") -> Article:
    ref_start = TEXT.index("1. Disney")
    return Article(
        TEXT,
        id=article_id,
        document=Document(title="A title", authors=("Jo Writer",), date="2020-03-15", section=("World",),
                          site="example.org", url="https://example.org/a", source="in/a.html", format="html"),
        regions=(Region(0, ref_start, "body"), Region(ref_start, len(TEXT), "references", "Notes")),
        attributions=(
            Attribution("q1", "direct", (Span(0, 24),), source=Span(30, 44), cue=Span(25, 29), speaker="s1",
                        confidence=0.9, method="crf"),
        ),
        speakers=(Speaker("s1", "Patrick Disney", (Mention(30, 44), Mention(46, 52, "surname"))),),
        references=(
            Reference("r1", ref_start, len(TEXT), label="1",
                      urls=(Url("http://x.org/a", "truncated", TEXT.index("http"), len(TEXT) - 1),),
                      fields=ReferenceFields(authors=(Author("Disney", "P."),), title="Report", date="2009")),
        ),
        markers=(Marker("m1", TEXT.index("[1]"), TEXT.index("[1]") + 3, "1", "r1"),),
        links=(Link("q1", "r1", "marker", "m1"),),
        findings=(Finding("truncated-url", "warning", "URL cut off", (Span(TEXT.index("http"), len(TEXT)),),
                          references=("r1",)),),
    )


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "corpus.duckdb"


def test_duckdb_round_trip_every_layer(db):
    with Store(db) as store:
        store.write_batch([full_article(), Failure("bad.txt", "ingest", "empty", "bad.txt is empty", "abc")])
    with Store(db, read_only=True) as store:
        counts = store.counts()
        _, docs = store.query("SELECT id, site, authors, date, section, n_chars, n_attributions, schema_version FROM documents")
        _, attrs = store.query("SELECT id, kind, speaker, source_text, cue_text, content_text, n_words, confidence, method FROM attributions")
        _, speakers = store.query("SELECT name, aliases, n_mentions, n_attributions FROM speakers")
        _, refs = store.query('SELECT label, authors, title, date, urls, url_statuses, raw FROM "references"')
        _, markers = store.query("SELECT label, marker_start, reference FROM markers")
        _, links = store.query("SELECT attribution, reference, marker, method FROM links")
        _, findings = store.query("SELECT code, reference_ids, evidence_text FROM findings")
        _, failures = store.query("SELECT doc_id, stage, code, message, digest FROM failures")
    assert counts == {"documents": 1, "regions": 2, "attributions": 1, "speakers": 1, "references": 1,
                      "markers": 1, "links": 1, "findings": 1, "failures": 1}
    assert docs == [("a1", "example.org", ["Jo Writer"], "2020-03-15", ["World"], len(TEXT), 1, 1)]
    assert attrs == [("q1", "direct", "Patrick Disney", "Patrick Disney", "said", '"We will not back down,"', 5, 0.9, "crf")]
    assert speakers == [("Patrick Disney", ["Patrick Disney", "Disney"], 2, 1)]
    assert refs[0][:6] == ("1", ["Disney, P."], "Report", "2009", ["http://x.org/a"], ["truncated"])
    assert refs[0][6].startswith("1. Disney")
    assert markers == [("1", TEXT.index("[1]"), "r1")]
    assert links == [("q1", "r1", "m1", "marker")]
    assert findings == [("truncated-url", ["r1"], "http://x.org/a<")]
    assert failures == [("bad.txt", "ingest", "empty", "bad.txt is empty", "abc")]


def test_duckdb_done_ids_cover_documents_and_failures(db):
    with Store(db) as store:
        store.write_batch([full_article("a1"), full_article("a2"), Failure("f1", "ingest", "empty", "m")])
    with Store(db) as store:  # reopened: the ids survive
        assert store.done_ids() == {"a1", "a2", "f1"}


def test_duckdb_batch_is_atomic_on_duplicate_id(db):
    with Store(db) as store:
        store.write_batch([full_article("a1")])
        with pytest.raises(StoreError):
            store.write_batch([full_article("a2"), full_article("a1")])
        # nothing of the failed batch is kept, not even a2's layers
        assert store.done_ids() == {"a1"}
        assert store.counts()["attributions"] == 1


def test_duckdb_replace_swaps_failure_for_document(db):
    with Store(db) as store:
        store.write_batch([Failure("a1", "pipeline", "internal", "boom")])
        store.write_batch([full_article("a1")], replace=True)
        counts = store.counts()
    assert counts["failures"] == 0
    assert counts["documents"] == 1
    assert counts["attributions"] == 1


def test_duckdb_refuses_other_schema_version(db):
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 99"):
        Store(db)


def test_duckdb_url_checks_cache_newest_wins(db):
    with Store(db) as store:
        store.put_url_checks([Url("http://a.org/", "dead", http_status=404)])
        store.put_url_checks([Url("http://a.org/", "live", http_status=200), Url("http://b.org/", "redirected", final_url="http://c.org/")])
        cached = store.url_checks(["http://a.org/", "http://b.org/", "http://never.org/"])
    assert {u: (c.status, c.http_status, c.final_url) for u, c in cached.items()} == {
        "http://a.org/": ("live", 200, None),
        "http://b.org/": ("redirected", None, "http://c.org/"),
    }


def test_duckdb_parquet_export_loads_into_another_store(db, tmp_path):
    with Store(db) as store:
        store.write_batch([full_article("a1"), Failure("f1", "ingest", "empty", "m")])
        paths = store.export_parquet(tmp_path / "parts")
        before = store.counts()
    assert {p.stem for p in paths} == set(TABLES) | {"url_checks"}
    with Store(tmp_path / "other.duckdb") as other:
        other.load_parquet(tmp_path / "parts")
        assert other.counts() == before
        _, rows = other.query("SELECT failed_at FROM failures")
    assert isinstance(rows[0][0], datetime)


def test_duckdb_query_error_is_store_error(db):
    with Store(db) as store, pytest.raises(StoreError, match="no_such_table"):
        store.query("SELECT * FROM no_such_table")
