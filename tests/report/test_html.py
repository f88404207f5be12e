"""HTML report: self-contained, safe with hostile input, and working in a real headless browser."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from html.parser import HTMLParser

import pytest

from checks.checks_build import Q, R, build, opinion_article
from sourcetrace.checks import run_checks
from sourcetrace.model import Document
from sourcetrace.report.html import render_html, safe_href

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.scripts += tag == "script"


def _parse(page: str) -> _Collect:
    p = _Collect()
    p.feed(page)
    return p


def hostile_article(load_fixture, settings):
    text = load_fixture("checks_hostile.txt")
    return run_checks(
        build(
            text,
            document=Document(title="<script>alert('t')</script>", url="javascript:alert(6)", authors=("<i>x</i>",)),
            quotes=[Q('"<b onmouseover=alert(2)>we will win</b>"', "Jane Doe", "said", "s1"),
                    Q('"</span><script>steal()</script>"', "she", "wrote", "s1")],
            speakers=[("s1", "Jane Doe <img src=x onerror=alert(7)>", "person")],
            refs=[R('[1] Doe, Jane. "<svg onload=alert(3)>". *Evil Times* 2020. javascript:alert(4)', "1", (("Doe", "Jane"),),
                    "<svg onload=alert(3)>", "Evil Times", date="2020", urls=(("javascript:alert(4)", "malformed"),)),
                  R("[2] Roe, Rick. \"Data: a story\". 2021. data:text/html,<script>alert(5)</script>", "2", (("Roe", "Rick"),),
                    "Data: a story", date="2021", urls=(("data:text/html,<script>alert(5)</script>", "malformed"),))],
            markers=["1", "2"],
            links=[(1, "1", "marker", "1"), (2, "2", "marker", "2")],
            terms=[],
        ),
        settings,
    )


def test_html_hostile_article_runs_nothing(load_fixture, settings):
    page = render_html(hostile_article(load_fixture, settings))
    parsed = _parse(page)
    assert parsed.scripts == 1  # only our own script
    for tag, attrs in parsed.tags:
        assert tag not in ("img", "svg", "iframe", "object", "embed", "b"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action"):
                assert value.startswith(("#", "http://", "https://")), value
    for raw in ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "</span><script>", "javascript:alert(4)\"",
                "href=\"javascript", "href=\"data:"):
        assert raw not in page
    assert "&lt;script&gt;alert('pwned')&lt;/script&gt;" in page  # shown as text, not dropped
    assert "javascript:alert(4)" in page  # the bad URL is shown as text


def test_html_csp_forbids_external_loads_and_inline_handlers(settings):
    page = render_html(run_checks(opinion_article(), settings))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "script-src 'sha256-" in csp
    assert not re.search(r"<(?:link|img|iframe)\b", page)
    assert not re.search(r"\ssrc=", page)
    assert re.search(r"<style>", page) and page.count("<script>") == 1


def test_html_quotes_markers_and_findings_are_wired(settings):
    article = run_checks(opinion_article(), settings)
    page = render_html(article)
    assert len(re.findall(r'class="q sp-\d', page)) >= 5
    assert 'href="#ref-r1"' in page and 'id="ref-r1"' in page
    assert 'class="marker orphan"' in page  # [9]
    for i in range(len(article.findings)):
        if article.findings[i].evidence:
            assert f'data-target="ev-f{i}"' in page and f'id="ev-f{i}"' in page
    assert page.count('id="quote-q1"') == 1  # ids are unique even when a span is cut into segments


def test_html_overlapping_layers_keep_text_and_nest_properly(settings):
    # a quotation overlapping a finding's evidence and a scare term inside it
    text = 'Ann Lee said "the so-called \'reform\' is a trick" today.'
    article = build(text, quotes=[Q("\"the so-called 'reform' is a trick\"", "Ann Lee", "said", "s1")],
                    speakers=[("s1", "Ann Lee", "person")], terms=[("'reform'", "scare")])
    from dataclasses import replace

    from sourcetrace.model import Finding, Span

    article = replace(article, findings=(Finding("loaded-cue", "info", "m", (Span(8, 20),)),))
    page = render_html(article)
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", body).replace("&#x27;", "'").replace("&quot;", '"') == text
    # balanced: every opened span/a is closed
    assert body.count("<span") == body.count("</span>") and body.count("<a ") == body.count("</a>")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://example.org/a", "http://example.org/a"),
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html,x", None),
        ("<", None),
        ("https://", None),
        ("//evil.example/x", None),
        (None, None),
    ],
)
def test_html_safe_href(url, expected):
    assert safe_href(url) == expected


@pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
                    reason="needs Debian's chromium and chromium-driver (make browser)")
def test_html_in_headless_chromium(settings, tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (test extra)")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    os.environ["SE_OFFLINE"] = "true"  # never let selenium-manager download a driver
    article = run_checks(opinion_article(), settings)
    page = tmp_path / "report.html"
    page.write_text(render_html(article), "utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="st-chrome-")
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", f"--user-data-dir={profile}", "--window-size=1280,800"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(page.as_uri())
        quotes = driver.find_elements(By.CSS_SELECTOR, ".text .q")
        assert len(quotes) >= 6 and all(q.is_displayed() for q in quotes[:3])
        assert driver.find_element(By.ID, "quote-q1").text.startswith('"nobody on the council')
        findings = driver.find_elements(By.CSS_SELECTOR, ".finding button[data-target]")
        assert len(findings) == sum(1 for f in article.findings if f.evidence)
        # the last finding's evidence is far down the page: clicking must scroll to it and flash it
        target = findings[-1]
        evidence_id = target.get_attribute("data-target")
        driver.execute_script("arguments[0].scrollIntoView()", target)
        evidence = driver.find_element(By.ID, evidence_id)
        height = driver.execute_script("return window.innerHeight")
        before = driver.execute_script("return arguments[0].getBoundingClientRect().top", evidence)
        assert not 0 <= before <= height, "evidence already in view: the test would prove nothing"
        target.click()
        deadline = time.monotonic() + 3
        flashed = False
        while time.monotonic() < deadline and not flashed:
            flashed = "flash" in (driver.find_element(By.ID, evidence_id).get_attribute("class") or "")
            time.sleep(0.05)
        assert flashed
        time.sleep(0.6)  # smooth scroll
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top", evidence)
        assert 0 <= top <= height, (before, top, height)
        # keyboard: Enter on a focused finding does the same
        from selenium.webdriver.common.keys import Keys

        first = findings[0]
        driver.execute_script("arguments[0].focus()", first)
        first.send_keys(Keys.ENTER)
        first_ev = driver.find_element(By.ID, first.get_attribute("data-target"))
        time.sleep(0.1)
        assert "flash" in (first_ev.get_attribute("class") or "")
        # phone width: one column, nothing wider than the screen
        driver.set_window_size(390, 844)
        overflow = driver.execute_script("return document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, overflow
        # CSP: the page's own script ran (listeners attached) and nothing was blocked
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        assert not errors, errors
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
