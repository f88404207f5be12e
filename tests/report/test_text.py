"""Terminal report: sections, content, colour only when asked, no markup injection."""

from __future__ import annotations

from checks.checks_build import Q, build, opinion_article
from sourcetrace.checks import run_checks
from sourcetrace.model import Document
from sourcetrace.report.text import render_text


def test_text_has_every_section_in_order(settings):
    out = render_text(run_checks(opinion_article(), settings))
    heads = ["The Reservoir Nobody Audited", "By Sam Ortiz", "SPEAKERS AND QUOTATIONS", "REFERENCES", "FINDINGS (15)", "SUMMARY"]
    positions = [out.index(h) for h in heads]
    assert positions == sorted(positions)
    assert "\x1b[" not in out


def test_text_quotes_with_their_references(settings):
    out = render_text(run_checks(opinion_article(), settings))
    brandt = out[out.index("Tomas Brandt") : out.index("Irene Castell")]
    assert "3 quotations" in brandt and "[2] inherited" in brandt and "[2] marker" in brandt
    assert "→ no reference" in out[out.index("Irene Castell") :]


def test_text_references_show_url_status(settings):
    out = render_text(run_checks(opinion_article(), settings))
    refs = out[out.index("REFERENCES") : out.index("FINDINGS")]
    assert "truncated" in refs and "http//valleycourier.example/castell  malformed" in refs
    assert "(interview)" in refs


def test_text_findings_grouped_by_severity(settings):
    out = render_text(run_checks(opinion_article(), settings))
    findings = out[out.index("FINDINGS") : out.index("SUMMARY")]
    assert findings.index("warning (6)") < findings.index("info (9)")
    assert findings.index("speaker-mismatch") < findings.index("info (9)") < findings.index("loaded-cue")


def test_text_color_only_when_asked(settings):
    article = run_checks(opinion_article(), settings)
    assert "\x1b[" in render_text(article, color=True)


def test_text_article_text_is_not_markup():
    article = build('[bold red]Ann[/] said "[link=http://x]hi[/link]"', quotes=[Q('"[link=http://x]hi[/link]"', None, None, None)],
                    document=Document(title="[blink]T[/blink]"))
    out = render_text(article, color=True)
    assert "[blink]T[/blink]" in out and "[link=http://x]hi[/link]" in out


def test_text_empty_article():
    out = render_text(build("Nothing quoted."))
    assert "no quotations found" in out and "no references found" in out and "no findings" in out


def test_text_reference_line_keeps_one_period_after_an_initial():
    from sourcetrace.model import Author, Reference, ReferenceFields
    from sourcetrace.report.text import reference_line

    fields = ReferenceFields(authors=(Author("Smith", "J."), Author("Office of the Mayor")), title="Opaque budgets.",
                             container="Valdera Times", date="2021-03-02")
    line = reference_line(Reference(id="r1", start=0, end=1, fields=fields))
    assert line == "Smith, J.; Office of the Mayor. Opaque budgets. Valdera Times. 2021-03-02"
    single = reference_line(Reference(id="r2", start=0, end=1, fields=ReferenceFields(authors=(Author("Smith", "J."),), title="T")))
    assert single == "Smith, J. T"
