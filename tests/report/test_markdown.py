"""Markdown report: sections and escaping."""

from __future__ import annotations

import re

from checks.checks_build import Q, build, opinion_article
from sourcetrace.checks import run_checks
from sourcetrace.model import Document
from sourcetrace.report.markdown import md, render_markdown


def test_markdown_sections_and_tables(settings):
    out = render_markdown(run_checks(opinion_article(), settings))
    for head in ("# The Reservoir Nobody Audited", "## Speakers and quotations", "### Tomas Brandt", "## References",
                 "## Findings (15)", "### Warning (6)", "### Info (9)", "## Summary"):
        assert f"\n{head}\n" in "\n" + out, head
    assert "| \\[4\\] | Okafor, Ruth. Castell Promises Open Data. Valley Courier. 2015-06-09 | news |" in out
    assert "- **`speaker-mismatch`**" in out
    assert "→ **no reference**" in out


def test_markdown_escapes_article_text():
    article = build('Ann said "<script>x()</script> [click](javascript:alert(1)) | *b*"',
                    quotes=[Q('"<script>x()</script> [click](javascript:alert(1)) | *b*"', "Ann", None, "s1")],
                    speakers=[("s1", "Ann <img src=x>", "person")], document=Document(title="# <b>Title</b>", url="javascript:alert(2)"))
    out = render_markdown(article)
    assert not re.search(r"(?<!\\)<(?!http)", out), "unescaped < outside an autolink"
    assert not re.search(r"(?<!\\)\]\(", out), "unescaped link syntax"
    assert "\\<script\\>" in out
    assert "Source:" not in out  # non-http URL dropped


def test_markdown_md_escape():
    assert md("a|b *c* [d](e)\nf") == "a\\|b \\*c\\* \\[d\\](e) f"
