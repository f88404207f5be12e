"""run_checks() and the code catalogue: every code registered, documented, and findings in a stable order."""

from __future__ import annotations

from pathlib import Path

from checks.checks_build import opinion_article
from sourcetrace.checks import run_checks
from sourcetrace.checks.registry import CODES, checks, finding

ROOT = Path(__file__).resolve().parents[2]


def test_registry_every_code_has_a_check_and_a_doc_entry():
    emitted = {code for codes, _ in checks() for code in codes}
    assert emitted == set(CODES)
    doc = (ROOT / "docs" / "checks.md").read_text("utf-8")
    for code, (severity, _) in CODES.items():
        assert f"## `{code}`" in doc and severity in doc


def test_registry_finding_takes_catalogue_severity():
    f = finding("dead-url", "gone", references=["r1", "r1"])
    assert f.severity == "error" and f.references == ("r1",)


def test_registry_run_checks_covers_fixture_and_is_stable(settings):
    article = opinion_article()
    first = run_checks(article, settings).findings
    assert run_checks(article, settings).findings == first
    codes = {f.code for f in first}
    assert codes >= {"unsourced-quote", "inherited-source", "speaker-mismatch", "date-mismatch", "truncated-url",
                     "malformed-url", "orphan-marker", "uncited-reference", "duplicate-reference", "anonymous-source",
                     "loaded-cue", "scare-quote"}
    starts = [min((s.start for s in f.evidence), default=10**9) for f in first]
    assert starts == sorted(starts)
    for f in first:
        assert f.severity == CODES[f.code][0] and f.message


def test_registry_checks_accept_an_empty_article(settings):
    from sourcetrace.model import Article

    assert run_checks(Article(text=""), settings).findings == ()


def test_registry_tolerates_degenerate_layers(settings):
    """Attributions with no content, links to unknown ids, markers past the end: no crash, no nonsense."""
    from sourcetrace.model import Article, Attribution, Link, Marker, Span

    article = Article(
        text='Ann said "yes." [1]',
        attributions=(Attribution(id="q1", kind="direct", content=()), Attribution(id="q2", kind="direct", content=(Span(9, 15),), speaker="s9")),
        markers=(Marker("m1", 16, 19, "1", reference="r404"),),
        links=(Link("q1", "r404", "marker"), Link("q404", "r1", "marker")),
    )
    codes = [f.code for f in run_checks(article, settings).findings]
    assert codes == ["unsourced-quote", "orphan-marker"]
