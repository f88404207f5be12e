"""The corpus view: queries (corpus.py) over a store written by store.Store from hand-built Articles, and
the /corpus pages served with --db."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import httpx
import pytest

from sourcetrace.errors import StoreError
from sourcetrace.model import (
    Article,
    Attribution,
    Document,
    Failure,
    Finding,
    Link,
    Mention,
    Reference,
    Span,
    Speaker,
    Url,
)
from sourcetrace.server import corpus, create_app
from sourcetrace.server.corpus_view import months_between
from sourcetrace.server.testing import running
from sourcetrace.store import Store


def make_article(aid: str, site: str, date: str | None, quotes: list[tuple[str, str, bool]], url_statuses=()) -> Article:
    """An article with one direct quotation per (speaker, words, sourced) and one reference with URLs."""
    text = ""
    attrs, speakers, links = [], [], []
    for i, (speaker, words, sourced) in enumerate(quotes, 1):
        name_at = len(text)
        text += f"{speaker} said: "
        start = len(text)
        text += f"“{words}” "
        speakers.append(Speaker(f"s{i}", speaker, (Mention(name_at, name_at + len(speaker)),)))
        attrs.append(Attribution(f"q{i}", "direct", (Span(start, start + len(words) + 2),), speaker=f"s{i}"))
        if sourced:
            links.append(Link(f"q{i}", "r1", "marker"))
    ref_start = len(text)
    text += "\n[1] A reference."
    urls = tuple(Url(f"https://e.example/{k}", status) for k, status in enumerate(url_statuses))
    ref = Reference("r1", ref_start, len(text), label="1", urls=urls)
    findings = tuple(
        Finding("unsourced-quote", "warning", "no source", attributions=(a.id,))
        for a, (_, _, sourced) in zip(attrs, quotes, strict=True)
        if not sourced
    )
    return Article(
        text,
        id=aid,
        document=Document(title=f"Story {aid}", site=site, date=date, url=f"https://{site}/{aid}"),
        attributions=tuple(attrs),
        speakers=tuple(speakers),
        references=(ref,),
        links=tuple(links),
        findings=findings,
    )


ARTICLES = [
    make_article(
        "a1", "daily.example", "2024-01-05",
        [("Ana Ruiz", "We build 50% more", False), ("Bo Chen", "No comment", True)], ("dead", "live"),
    ),
    make_article("a2", "daily.example", "2024-03-10", [("Ana Ruiz", "The plan works", True)], ("live", "live")),
    make_article(
        "a3", "weekly.example", "2024-01-20",
        [("Ana Ruiz", "Rates fall", False), ("Cy Dale", "x_y literal", False)], ("truncated",),
    ),
    make_article("a4", "weekly.example", None, [("Bo Chen", "Undated words", False)]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    with Store(path) as store:
        store.write_batch(ARTICLES + [Failure("bad.bin", "ingest", "binary", "looks binary")])
    return path


@pytest.fixture()
def store(db):
    with corpus.Corpus(db).open() as s:
        yield s


def test_corpus_overview(store):
    assert corpus.overview(store) == corpus.Overview(documents=4, sites=2, attributions=6, findings=4, failures=1)


def test_corpus_speakers_most_quoted_first(store):
    rows = corpus.speakers(store, 10)
    assert rows[0] == ("Ana Ruiz", 3, 3)
    assert ("Bo Chen", 2, 2) in rows and len(rows) == 3
    assert corpus.speakers(store, 1) == [("Ana Ruiz", 3, 3)]


def test_corpus_monthly_shares(store):
    rows, undated = corpus.monthly(store)
    assert undated == 1
    got = {(r.site, r.month): (r.articles, r.quotations, r.unsourced, r.urls, r.checked, r.dead) for r in rows}
    assert got == {
        ("daily.example", "2024-01"): (1, 2, 1, 2, 2, 1),
        ("daily.example", "2024-03"): (1, 1, 0, 2, 2, 0),
        ("weekly.example", "2024-01"): (1, 2, 2, 1, 0, 0),
    }


def test_corpus_findings_by_site(store):
    codes, rows = corpus.findings_by_site(store, 10)
    assert codes == ["unsourced-quote"]
    assert rows == [("weekly.example", [3]), ("daily.example", [1])]


@pytest.mark.parametrize(
    ("speaker", "text", "expected"),
    [
        ("ana", "", ["Rates fall", "The plan works", "We build 50% more"]),  # newest first, undated last
        ("", "50%", ["We build 50% more"]),  # % is literal, not a wildcard
        ("", "x_y", ["x_y literal"]),  # so is _
        ("", "x%y", []),
        ("bo chen", "undated", ["Undated words"]),
        ("", "  plan   WORKS ", ["The plan works"]),  # spaces collapsed, case ignored
        ("'; DROP TABLE attributions; --", "", []),  # parameterised: just a string that matches nothing
    ],
)
def test_corpus_search(store, speaker, text, expected):
    found = corpus.search(store, speaker=speaker, text=text, limit=10)
    assert sorted(q.text.strip("“”") for q in found) == sorted(expected)
    if speaker == "ana":
        assert [q.date for q in found] == ["2024-03-10", "2024-01-20", "2024-01-05"]
    assert corpus.overview(store).attributions == 6  # nothing was dropped


def test_corpus_search_matches_aliases(store):
    assert {q.speaker for q in corpus.search(store, speaker="Ruiz", limit=10)} == {"Ana Ruiz"}


def test_corpus_missing_file_fails_at_start(tmp_path):
    with pytest.raises(StoreError, match="sourcetrace batch"):
        create_app(db_path=tmp_path / "nope.duckdb")


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [("2023-11", "2024-02", ["2023-11", "2023-12", "2024-01", "2024-02"]), ("2024-05", "2024-05", ["2024-05"])],
)
def test_corpus_view_months_between(first, last, expected):
    assert months_between(first, last) == expected


# --- the pages -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base(settings, db):
    with running(create_app(settings, db)) as url:
        yield url


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", html, re.S)]


def test_corpus_page_has_charts_and_tables(base):
    r = httpx.get(base + "/corpus")
    assert r.status_code == 200
    html = r.text
    charts = svgs(html)  # every chart is well-formed XML with an accessible name
    assert len(charts) == 3
    ns = "{http://www.w3.org/2000/svg}"
    bars = charts[0].findall(f".//{ns}rect")
    assert len(bars) == 3 and float(bars[0].get("width")) > float(bars[1].get("width"))
    assert charts[1].find(f"{ns}title").text == "Unsourced quotations per site and month"
    assert len(charts[1].findall(f".//{ns}circle")) == 3  # daily Jan + Mar, weekly Jan
    assert len(charts[2].findall(f".//{ns}circle")) == 2  # only daily.example had links checked
    assert "1 undated articles are left out" in html
    assert "<th scope=\"col\" class=num>unsourced-quote</th>" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!daily|weekly)""", html)  # nothing loaded from outside
    assert 'href="/corpus" aria-current="page"' in html


def test_corpus_search_page(base):
    r = httpx.get(base + "/corpus/search", params={"speaker": "ana", "q": "<b>plan"})
    assert r.status_code == 200
    assert "0 quotations" in r.text and "&lt;b&gt;plan" in r.text and "<b>plan" not in r.text
    r = httpx.get(base + "/corpus/search", params={"q": "plan works"})
    assert "1 quotation<" in r.text and "“The plan works”" in r.text and "Story a2" in r.text


def test_corpus_search_rejects_huge_terms(base):
    r = httpx.get(base + "/corpus/search", params={"q": "x" * 600})
    assert r.status_code == 422


def test_corpus_healthz_reports_corpus(base):
    assert httpx.get(base + "/healthz").json()["corpus"] is True
