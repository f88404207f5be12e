"""Canned reports over hand-built stores: alias merging, per-site shares, months, formats."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sourcetrace.errors import StoreError
from sourcetrace.model import Article, Attribution, Document, Finding, Link, Mention, Span, Speaker
from sourcetrace.store import Store, export_parquet, format_csv, format_json, format_text, run_report
from sourcetrace.store.queries import normalize_name


def quoted(article_id: str, speakers: list[str], *, site: str | None = "a.org", date: str | None = "2020-03-15",
           linked: tuple[int, ...] = (), anonymous: tuple[int, ...] = (), kinds: dict[int, str] | None = None) -> Article:
    """An article with one attribution per entry of `speakers` (a name, or None for no speaker)."""
    text = " ".join(f'"Words {i}," said {name or "someone"}.' for i, name in enumerate(speakers))
    ids: dict[str, str] = {}
    attributions, people = [], []
    for i, name in enumerate(speakers):
        sid = None
        if name:
            if name not in ids:
                ids[name] = f"s{len(ids) + 1}"
                start = text.index(name)
                people.append(Speaker(ids[name], name, (Mention(start, start + len(name)),)))
            sid = ids[name]
        attributions.append(Attribution(f"q{i + 1}", (kinds or {}).get(i, "direct"), (Span(0, 5),), speaker=sid))
    return Article(
        text, id=article_id, document=Document(site=site, date=date),
        attributions=tuple(attributions), speakers=tuple(people),
        links=tuple(Link(f"q{i + 1}", "r1", "marker") for i in linked),
        findings=tuple(Finding("anonymous-source", "info", "anonymous", attributions=(f"q{i + 1}",)) for i in anonymous),
    )


@pytest.fixture()
def make_db(tmp_path):
    def make(*articles: Article):
        path = tmp_path / "corpus.duckdb"
        with Store(path) as store:
            store.write_batch(list(articles))
        return path

    return make


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sen. Elizabeth Warren", "Elizabeth Warren"),
        ("Mr. Disney", "Disney"),
        ("President Barack Obama", "Barack Obama"),
        ("Martin Luther King Jr.", "Martin Luther King"),
        ("Disney's", "Disney"),
        ("the State Department", "State Department"),
        ("  Patrick   Disney ", "Patrick Disney"),
    ],
)
def test_queries_normalize_name(name, expected):
    assert normalize_name(name) == expected


def test_queries_top_speakers_merges_surname_within_and_across_articles(make_db):
    db = make_db(
        quoted("a1", ["Patrick Disney", "Disney", "Disney"]),  # within: surname joins the full name
        quoted("a2", ["Disney"]),                               # across: the only Disney in the corpus
        quoted("a3", ["Mr. Disney", "John Smith"]),
        quoted("a4", ["Jane Smith", "Smith"]),                  # within a4: Jane
        quoted("a5", ["Smith"]),                                # two Smiths: stays on its own
        quoted("a6", ["the State Department", None]),
        quoted("a7", ["Ann Roe"] * 6 + ["Bo Roe"]),           # Ann holds 6/7 (> 0.85) of the Roe quotes
        quoted("a8", ["Roe"]),                                  # so a lone "Roe" is Ann
    )
    columns, rows = run_report(db, "top-speakers")
    by_name = {r[0]: dict(zip(columns, r)) for r in rows}
    assert by_name["Patrick Disney"]["attributions"] == 5
    assert by_name["Patrick Disney"]["articles"] == 3
    assert "Disney" in by_name["Patrick Disney"]["aliases"]
    assert "Disney" not in by_name
    assert by_name["Jane Smith"]["attributions"] == 2
    assert by_name["John Smith"]["attributions"] == 1
    assert by_name["Smith"]["attributions"] == 1
    assert by_name["State Department"]["attributions"] == 1
    assert (by_name["Ann Roe"]["attributions"], by_name["Bo Roe"]["attributions"]) == (7, 1)
    assert "Roe" not in by_name
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)


def test_queries_unsourced_by_site(make_db):
    db = make_db(
        quoted("a1", ["Ann Lee", "Ann Lee"], site="a.org", linked=(0,)),
        quoted("a2", ["Bo Chan", None, "Bo Chan"], site="b.org", kinds={2: "indirect"}),
        quoted("a3", [], site=None),
    )
    columns, rows = run_report(db, "unsourced-by-site")
    table = {r[0]: dict(zip(columns, r)) for r in rows}
    assert (table["a.org"]["quotations"], table["a.org"]["unsourced"], table["a.org"]["unsourced_share"]) == (2, 1, 0.5)
    # the indirect attribution is not a quotation
    assert (table["b.org"]["quotations"], table["b.org"]["unsourced"], table["b.org"]["no_speaker"]) == (2, 2, 1)
    assert table["(unknown)"]["quotations"] == 0


def test_queries_findings_by_site_month(make_db):
    def finding(aid: str, date: str | None, code: str) -> Article:
        return Article("x", id=aid, document=Document(site="a.org", date=date), findings=(Finding(code, "warning", "m"),))

    db = make_db(finding("a1", "2020-03-15", "truncated-url"), finding("a2", "2020-03-02", "truncated-url"),
                 finding("a3", "2020-04", "orphan-marker"), finding("a4", None, "truncated-url"))
    columns, rows = run_report(db, "findings-by-site-month")
    got = {(r[0], r[1], r[2]): r[columns.index("findings")] for r in rows}
    assert got == {("a.org", "2020-03", "truncated-url"): 2, ("a.org", "2020-04", "orphan-marker"): 1,
                   ("a.org", "(undated)", "truncated-url"): 1}


def test_queries_anonymous_rate_with_total_row(make_db):
    db = make_db(
        quoted("a1", ["Ann Lee", None, None, "Ann Lee"], site="a.org", anonymous=(1, 2)),
        quoted("a2", ["Bo Chan"], site="b.org"),
    )
    columns, rows = run_report(db, "anonymous-rate")
    table = {r[0]: dict(zip(columns, r)) for r in rows}
    assert (table["a.org"]["anonymous"], table["a.org"]["anonymous_rate"]) == (2, 0.5)
    assert table["b.org"]["anonymous"] == 0
    assert (table["(all)"]["attributions"], table["(all)"]["anonymous"], table["(all)"]["articles_with_anonymous"]) == (5, 2, 1)
    assert rows[-1][0] == "(all)"


def test_queries_formats_round_trip():
    columns, rows = ["site", "share"], [("a.org", 0.5), ("b,org", None)]
    assert list(csv.reader(io.StringIO(format_csv(columns, rows)))) == [["site", "share"], ["a.org", "0.5"], ["b,org", ""]]
    assert json.loads(format_json(columns, rows)) == [{"site": "a.org", "share": 0.5}, {"site": "b,org", "share": None}]
    lines = format_text(columns, rows).splitlines()
    assert lines[0].split() == ["site", "share"]
    assert lines[2].split() == ["a.org", "0.5"]


def test_queries_unknown_report_and_missing_db(make_db, tmp_path):
    db = make_db(quoted("a1", ["Ann Lee"]))
    with pytest.raises(StoreError, match="known reports"):
        run_report(db, "no-such-report")
    with pytest.raises(StoreError, match="no store"):
        run_report(tmp_path / "missing.duckdb", "top-speakers")


def test_queries_export_parquet_writes_every_table(make_db, tmp_path):
    import duckdb

    db = make_db(quoted("a1", ["Ann Lee", "Bo Chan"]))
    paths = export_parquet(db, tmp_path / "out")
    by_name = {p.stem: p for p in paths}
    con = duckdb.connect()
    assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(by_name["attributions"])]).fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(by_name["documents"])]).fetchone()[0] == 1
