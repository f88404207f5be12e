"""URL findings from reference URL statuses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checks.checks_build import R, build
from sourcetrace.checks.urls import check_urls
from sourcetrace.model import Url


@pytest.mark.parametrize(
    ("raw", "url", "status", "expected"),
    [
        ("[1] Pryce, Dan. Missed. *Harbor Review* 2015. Web. 2 Jun 2015. <", "<", "truncated", "truncated-url"),
        ("[1] Pryce, Dan. Missed. Web. https://", "https://", "truncated", "truncated-url"),
        ("[1] Pryce, Dan. Missed. Web. http//harbor.example/x", "http//harbor.example/x", "malformed", "malformed-url"),
        ("[1] Pryce, Dan. Missed. Web. http://harbor.example/x", "http://harbor.example/x", "dead", "dead-url"),
        ("[1] Pryce, Dan. Missed. Web. http://harbor.example/x", "http://harbor.example/x", "blocked", "unreachable-url"),
        ("[1] Pryce, Dan. Missed. Web. http://harbor.example/x", "http://harbor.example/x", "unknown", "unreachable-url"),
        ("[1] Pryce, Dan. Missed. Web.", "", "missing", "missing-url"),
        # fine statuses never fire
        ("[1] Pryce, Dan. Missed. Web. http://harbor.example/x", "http://harbor.example/x", "ok", None),
        ("[1] Pryce, Dan. Missed. Web. http://harbor.example/x", "http://harbor.example/x", "live", None),
        ("[1] Pryce, Dan. Missed. Web. http://harbor.example/x", "http://harbor.example/x", "redirected", None),
    ],
)
def test_urls_status_to_code(raw, url, status, expected, settings):
    article = build("Text.\n\n" + raw, refs=[R(raw, "1", medium="Web", urls=((url, status),))])
    found = list(check_urls(article, settings))
    assert [f.code for f in found] == ([expected] if expected else [])
    if expected:
        assert found[0].references == ("r1",) and "[1]" in found[0].message
        if url:
            assert article.text[found[0].evidence[0].start : found[0].evidence[0].end] == url


@pytest.mark.parametrize(
    ("raw", "medium", "expected"),
    [
        ("[1] Pryce, Dan. Missed. *Harbor Review* 2015. Web. 2 Jun 2015.", "Web", ["missing-url"]),
        # a print book or an interview with no web medium: no URL expected
        ("[1] Pryce, Dan. *Missed*. Boston: Beacon, 2015. Print.", "Print", []),
        ("[1] Pryce, Dan. *Missed*. Boston: Beacon, 2015.", None, []),
    ],
)
def test_urls_missing_only_for_web_references(raw, medium, expected, settings):
    article = build("Text.\n\n" + raw, refs=[R(raw, "1", medium=medium)])
    assert [f.code for f in check_urls(article, settings)] == expected


def test_urls_message_names_http_status(settings):
    raw = "[1] A. Web. http://a.example/x"
    article = build("T.\n\n" + raw, refs=[R(raw, "1", urls=(("http://a.example/x", "dead"),))])
    ref = replace(article.references[0], urls=(Url("http://a.example/x", "dead", http_status=404),))
    found = list(check_urls(replace(article, references=(ref,)), settings))
    assert "HTTP 404" in found[0].message and found[0].severity == "error"
