"""Live link checks against a real HTTP server on 127.0.0.1 (no internet needed)."""

import time

import pytest

from local_http import QuietHandler
from sourcetrace.model import Article, Reference, Url
from sourcetrace.references.liveness import LinkResult, check_links, check_urls

ROUTES = {
    "/ok": (200, {}),
    "/moved": (301, {"Location": "/ok"}),
    "/chain": (302, {"Location": "/moved"}),
    "/missing": (404, {}),
    "/gone": (410, {}),
    "/forbidden": (403, {}),
    "/busy": (429, {}),
    "/login": (401, {}),
    "/error": (500, {}),
    "/loop": (302, {"Location": "/loop"}),
}


class Handler(QuietHandler):
    def _answer(self, body: bool) -> None:
        if self.path == "/slow":
            time.sleep(1.0)
            code, headers = 200, {}
        elif self.path == "/nohead" and self.command == "HEAD":
            code, headers = 405, {}
        elif self.path == "/nohead":
            code, headers = 200, {}
        else:
            code, headers = ROUTES.get(self.path, (404, {}))
        self.reply(code, b"ok", headers=headers, send_body=body)

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)


@pytest.fixture(scope="module")
def server(serve_http):
    with serve_http(Handler) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def local_settings(settings):
    return settings.with_overrides({"fetch": {"allow_private": True}, "links": {"timeout": 0.3}})


@pytest.mark.parametrize(
    ("path", "status", "http_status"),
    [
        ("/ok", "live", 200),
        ("/moved", "redirected", 200),
        ("/chain", "redirected", 200),
        ("/missing", "dead", 404),
        ("/gone", "dead", 410),
        ("/forbidden", "blocked", 403),
        ("/busy", "blocked", 429),
        ("/login", "blocked", 401),
        ("/error", "unknown", 500),
        ("/slow", "unknown", None),
        ("/nohead", "live", 200),
        ("/loop", "unknown", None),
    ],
)
def test_liveness_statuses(server, local_settings, path, status, http_status):
    result = check_urls([server + path], local_settings)[server + path]
    assert (result.status, result.http_status) == (status, http_status)


def test_liveness_records_final_url_of_redirects(server, local_settings):
    result = check_urls([server + "/chain"], local_settings)[server + "/chain"]
    assert result.final_url == server + "/ok"


def test_liveness_refuses_private_addresses_by_default(server, settings):
    result = check_urls([server + "/ok"], settings)[server + "/ok"]
    assert result.status == "unknown" and "private" in result.reason


def test_liveness_dns_failure_is_dead(local_settings):
    url = "http://no-such-host.invalid/page"
    assert check_urls([url], local_settings)[url].status == "dead"


def test_liveness_uses_and_fills_the_cache(server, local_settings):
    cache = {server + "/missing": LinkResult("live", 200)}  # a stale entry wins: nothing is refetched
    got = check_urls([server + "/missing", server + "/gone"], local_settings, cache)
    assert got[server + "/missing"].status == "live"
    assert cache[server + "/gone"].status == "dead"


def test_liveness_check_links_updates_only_ok_urls(server, local_settings):
    ref = Reference(
        id="r1", start=0, end=4, label="1",
        urls=(Url(server + "/gone", "ok", 0, 1), Url("", "truncated", 3, 4)),
    )
    article = check_links(Article(text="x <x", references=(ref,)), local_settings)
    assert [u.status for u in article.references[0].urls] == ["dead", "truncated"]
    assert article.references[0].urls[0].http_status == 410


def test_liveness_unparseable_url_is_unknown(local_settings):
    assert check_urls(["http://[broken"], local_settings)["http://[broken"].status == "unknown"
