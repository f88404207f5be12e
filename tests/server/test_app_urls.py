"""URL auditing through the web app is SSRF-guarded: loopback, private and link-local targets are refused,
on the first hop and on every redirect (the guard is ingest's `fetch.check_url`; these tests make sure the
app goes through it). No test here reaches a non-loopback address: refusals happen before connecting.
"""

from __future__ import annotations

from contextlib import contextmanager

import httpx
import pytest

from local_http import QuietHandler
from sourcetrace.ingest import fetch
from sourcetrace.server import create_app
from sourcetrace.server.testing import running


@contextmanager
def redirecting_server(serve_http, target: str):
    """A local http.server whose every GET answers 302 -> `target`; yields (base URL, list of paths hit)."""
    hits: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            hits.append(self.path)
            self.reply(302, headers={"Location": target.replace("{port}", str(self.server.server_address[1]))})

    with serve_http(Handler) as port:
        yield f"http://127.0.0.1:{port}", hits


@pytest.fixture(scope="module")
def base(settings):
    with running(create_app(settings)) as url:  # the default runner: the real ingest_url
        yield url


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8000/admin",
        "http://localhost/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://2130706433/",  # 127.0.0.1 written as one decimal number
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/",
        "ftp://example.org/article.txt",
        "file:///etc/passwd",
    ],
)
def test_app_refuses_private_urls(base, url):
    r = httpx.post(base + "/api/audit", json={"url": url}, timeout=30)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "refused-url"


def test_app_refuses_the_local_server_itself(base, serve_http):
    with redirecting_server(serve_http, "http://169.254.169.254/") as (origin, hits):
        r = httpx.post(base + "/api/audit", json={"url": origin + "/story"}, timeout=30)
    assert r.json()["error"]["code"] == "refused-url"
    assert hits == []  # refused before connecting


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/",
        "http://10.0.0.1/internal",
        "http://127.0.0.1:{port}/private",  # back to loopback
        "/private",  # a relative redirect on the (loopback) origin
    ],
)
def test_app_refuses_redirects_to_private_urls(base, monkeypatch, serve_http, target):
    with redirecting_server(serve_http, target) as (origin, hits):
        first = origin + "/story"
        real_check = fetch.check_url

        def let_first_hop_through(url: str, allow_private: bool) -> None:
            # The test origin is itself on loopback: let exactly its first URL through so the redirect
            # is what gets checked. Every other URL (each redirect hop) goes through the real check.
            if url != first:
                real_check(url, allow_private)

        monkeypatch.setattr(fetch, "check_url", let_first_hop_through)
        r = httpx.post(base + "/api/audit", json={"url": first}, timeout=30)
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "refused-url"
    assert hits == ["/story"]  # the first hop was fetched, the redirect was not followed


def test_app_form_url_refusal_is_an_html_page(base):
    r = httpx.post(base + "/audit", data={"url": "http://169.254.169.254/"}, timeout=30)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/html")
    assert "refused" in r.text and 'value="http://169.254.169.254/"' in r.text
