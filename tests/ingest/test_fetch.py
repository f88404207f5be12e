"""tests for sourcetrace.ingest.fetch: a real HTTP server on 127.0.0.1 (allow_private=True) for the
success paths; refused addresses are refused before any request is made."""

from __future__ import annotations


import pytest

from local_http import QuietHandler
from sourcetrace.errors import FetchError, InputError
from sourcetrace.ingest import fetch as fetch_module
from sourcetrace.ingest import ingest, ingest_url
from sourcetrace.ingest.fetch import check_url, fetch_url, next_hop, refused_address

PAGE = (
    "<html><head><title>Ferry Fares Rise Again</title></head><body><article>"
    "<h1>Ferry Fares Rise Again</h1>"
    + "".join(
        f"<p>Paragraph {i}: island residents said the new fares would make the weekly trip to the mainland "
        f"hospital unaffordable for many families, and the operator said fuel costs left it no choice.</p>"
        for i in range(4)
    )
    + "</article></body></html>"
).encode("utf-8")
TEXT = "Plain text news: the library will open on Sundays from May, the council said.\n".encode("utf-8")


class Handler(QuietHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        Handler.hits.append(self.path)
        if self.path == "/page":
            self.reply(200, PAGE, content_type="text/html; charset=utf-8")
        elif self.path == "/text":
            self.reply(200, TEXT, content_type="text/plain")
        elif self.path == "/big":
            self.reply(200, b"x" * 5000, content_type="text/plain")
        elif self.path == "/redirect":
            self.reply(302, headers={"Location": "/page"})
        elif self.path == "/loop":
            self.reply(301, headers={"Location": "/loop"})
        elif self.path == "/to-metadata":
            self.reply(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        else:
            self.reply(404, b"not found", content_type="text/plain")


@pytest.fixture(scope="module")
def server(serve_http):
    with serve_http(Handler) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def private(settings):
    return settings.with_overrides({"fetch": {"allow_private": True, "timeout": 5.0}})


def test_fetch_html_page_becomes_article(server, private):
    article = ingest_url(server + "/page", private)
    assert article.document.format == "html"
    assert article.document.title == "Ferry Fares Rise Again"
    assert article.document.source == server + "/page"
    assert "island residents said the new fares" in article.text


def test_fetch_plain_text_via_ingest(server, private):
    article = ingest(server + "/text", private)
    assert article.document.format == "text"
    assert article.text.startswith("Plain text news")


def test_fetch_follows_redirect(server, private):
    fetched = fetch_url(server + "/redirect", private)
    assert fetched.url.endswith("/page")
    assert b"Ferry Fares" in fetched.data


@pytest.mark.parametrize(
    ("path", "overrides", "code"),
    [
        ("/missing", {}, "fetch-failed"),
        ("/loop", {"max_redirects": 2}, "fetch-failed"),
        ("/big", {"max_bytes": 1000}, "too-large"),
    ],
)
def test_fetch_failures(server, private, path, overrides, code):
    settings = private.with_overrides({"fetch": overrides}) if overrides else private
    with pytest.raises(FetchError) as info:
        fetch_url(server + path, settings)
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_fetch_connection_refused_is_fetch_failed(private):
    with pytest.raises(FetchError) as info:
        fetch_url("http://127.0.0.1:9/", private)  # the discard port: nothing listens
    assert info.value.code == "fetch-failed"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://192.168.1.1/",
        "http://0.0.0.0/",
        "http://localhost/",
    ],
)
def test_fetch_refuses_private_addresses(settings, url):
    with pytest.raises(FetchError) as info:
        fetch_url(url, settings)
    assert info.value.code == "refused-url"
    assert isinstance(info.value, InputError)


def test_fetch_refuses_local_server_before_any_request(server, settings):
    before = len(Handler.hits)
    with pytest.raises(FetchError) as info:
        fetch_url(server + "/page", settings)
    assert info.value.code == "refused-url"
    assert len(Handler.hits) == before  # refused before connecting


@pytest.mark.parametrize("url", ["ftp://example.org/file", "file:///etc/passwd", "http:///nohost"])
def test_fetch_refuses_other_schemes(settings, url):
    with pytest.raises(FetchError) as info:
        check_url(url, allow_private=True)
    assert info.value.code == "refused-url"


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("127.0.0.1", True),
        ("10.0.0.1", True),
        ("172.16.5.4", True),
        ("169.254.169.254", True),
        ("224.0.0.1", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("::ffff:127.0.0.1", True),
        ("100.64.0.1", True),  # carrier-grade NAT: not global
        ("93.184.216.34", False),
        ("2606:2800:220:1:248:1893:25c8:1946", False),
    ],
)
def test_fetch_refused_address(address, refused):
    assert refused_address(address) is refused


def test_fetch_next_hop_checks_redirect_target():
    assert next_hop("http://93.184.216.34/a", 302, "/b", allow_private=False) == "http://93.184.216.34/b"
    with pytest.raises(FetchError) as info:
        next_hop("http://93.184.216.34/a", 302, "http://10.0.0.1/secret", allow_private=False)
    assert info.value.code == "refused-url"
    with pytest.raises(FetchError) as info:
        next_hop("http://93.184.216.34/a", 302, None, allow_private=False)
    assert info.value.code == "fetch-failed"


def test_fetch_redirect_to_refused_address_is_refused(server, settings, monkeypatch):
    # The local server stands in for a public site: only its own address is reported as public, so the
    # real redirect it sends (to 169.254.169.254) goes through the production check on the second hop.
    # (The address is declared public rather than resolved to a public one: the connection goes to the
    # vetted address, so a resolver that lied here would send the request off the machine.)
    real = fetch_module.refused_address
    monkeypatch.setattr(fetch_module, "refused_address", lambda address: address != "127.0.0.1" and real(address))
    before = len(Handler.hits)
    with pytest.raises(FetchError) as info:
        fetch_url(server + "/to-metadata", settings.with_overrides({"fetch": {"timeout": 5.0}}))
    assert info.value.code == "refused-url"
    assert "169.254.169.254" in str(info.value)
    assert Handler.hits[before:] == ["/to-metadata"]
