"""orphan-marker, uncited-reference, duplicate-reference."""

from __future__ import annotations

from checks.checks_build import R, build
from sourcetrace.checks.orphans import check_duplicates, check_orphan_markers, check_uncited

R1 = R("[1] Pryce, Dan. Missed. http://a.example/x", "1", (("Pryce", "Dan"),), "Missed", urls=(("http://a.example/x", "ok"),))
R2 = R("[2] Okafor, Ruth. Open Data. http://b.example/y", "2", (("Okafor", "Ruth"),), "Open Data", urls=(("http://b.example/y", "ok"),))


def test_orphans_marker_without_reference(settings):
    text = "It cracked.[1] It leaked.[3]\n\n" + R1.raw + "\n" + R2.raw
    article = build(text, refs=[R1, R2], markers=["1", "3"])
    found = list(check_orphan_markers(article, settings))
    assert [(f.code, f.markers) for f in found] == [("orphan-marker", ("m2",))]
    assert "[3]" in found[0].message and article.text[found[0].evidence[0].start : found[0].evidence[0].end] == "[3]"


def test_orphans_every_marker_resolved_is_quiet(settings):
    text = "It cracked.[1] It leaked.[2]\n\n" + R1.raw + "\n" + R2.raw
    article = build(text, refs=[R1, R2], markers=["1", "2"])
    assert list(check_orphan_markers(article, settings)) == []
    assert list(check_uncited(article, settings)) == []


def test_orphans_uncited_reference(settings):
    text = "It cracked.[1]\n\n" + R1.raw + "\n" + R2.raw
    article = build(text, refs=[R1, R2], markers=["1"])
    found = list(check_uncited(article, settings))
    assert [(f.code, f.references) for f in found] == [("uncited-reference", ("r2",))]


def test_orphans_uncited_quiet_without_any_markers(settings):
    # a plain bibliography with no in-text markers is a style, not a defect
    text = "It cracked.\n\n" + R1.raw + "\n" + R2.raw
    assert list(check_uncited(build(text, refs=[R1, R2]), settings)) == []


def test_orphans_uncited_counts_links_and_skips_hyperlinks(settings):
    hyper = R("Reuters", None, urls=(("http://r.example/z", "ok"),), kind="hyperlink")
    text = "It cracked.[1] Reuters reported it.\n\n" + R1.raw + "\n" + R2.raw
    article = build(text, refs=[R1, R2, hyper], markers=["1"], links=[(None, "2", "marker", None, "It cracked.")])
    assert list(check_uncited(article, settings)) == []


def test_orphans_duplicates_by_url_and_by_authors_title(settings):
    same_url = R("[3] Other, Al. Else. http://www.a.example/x/", "3", (("Other", "Al"),), "Else", urls=(("http://www.a.example/x/", "ok"),))
    same_work = R("[4] Okafor, Ruth. Open data! Print.", "4", (("Okafor", "Ruth"),), "Open data!")
    text = "T.\n\n" + "\n".join(r.raw for r in (R1, R2, same_url, same_work))
    found = list(check_duplicates(build(text, refs=[R1, R2, same_url, same_work]), settings))
    assert [(f.code, f.references) for f in found] == [("duplicate-reference", ("r1", "r3")), ("duplicate-reference", ("r2", "r4"))]


def test_orphans_different_works_same_author_not_duplicates(settings):
    other = R("[3] Pryce, Dan. Found. http://a.example/other", "3", (("Pryce", "Dan"),), "Found", urls=(("http://a.example/other", "ok"),))
    truncated = R("[4] Okafor, Ruth. Another. <", "4", (("Okafor", "Ruth"),), "Another", urls=(("<", "truncated"),))
    truncated2 = R("[5] Lee, Ann. Third. <", "5", (("Lee", "Ann"),), "Third", urls=(("<", "truncated"),))
    text = "T.\n\n" + "\n".join(r.raw for r in (R1, other, truncated, truncated2))
    assert list(check_duplicates(build(text, refs=[R1, other, truncated, truncated2]), settings)) == []


def test_orphans_duplicate_hyperlinks_do_not_fire(settings):
    from sourcetrace.checks.orphans import check_duplicates
    from sourcetrace.model import Article, Reference, Url

    text = "See the report and again the report."
    url = (Url(url="https://example.org/report", status="ok"),)
    refs = tuple(
        Reference(id=f"r{i}", start=s, end=s + 10, kind="hyperlink", urls=url)
        for i, s in enumerate((text.index("the report"), text.rindex("the report")), 1)
    )
    assert list(check_duplicates(Article(text=text, references=refs), settings)) == []


def test_orphans_author_date_citations(settings, load_fixture):
    # end to end from the text: an author-date citation with no entry is an orphan, an entry nobody
    # cites in an unnumbered list is uncited once the text cites by author and year
    from sourcetrace.model import Article
    from sourcetrace.pipeline import run

    article = run(Article(text=load_fixture("refs_author_date.txt")), settings)
    messages = {f.code: f.message for f in article.findings if f.code in ("orphan-marker", "uncited-reference")}
    assert messages["orphan-marker"] == "marker (Lund, 2021) points to no reference (no listed entry has that first author and year)."
    assert messages["uncited-reference"].startswith("reference Quinn 2017 (r")
    assert sum(f.code == "uncited-reference" for f in article.findings) == 1
