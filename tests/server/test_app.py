"""The web app over real HTTP (uvicorn on 127.0.0.1 in a thread, httpx client): pages, JSON API, limits, errors.

Most tests inject a hand-built runner so they exercise the app, not the stages; the `real_*` tests use
the default runner (ingest + every stage) and skip while the pipeline cannot run.
"""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx
import pytest

from sourcetrace.errors import FetchError, InputError, ModelError
from sourcetrace.model import Article, Attribution, Document, Finding, Span
from sourcetrace.server import AuditInput, create_app
from sourcetrace.server.testing import running


@dataclass
class FakeRunner:
    """Marks the first “...” quotation as q1 with an unsourced-quote finding; records what it was given."""

    calls: list[AuditInput] = field(default_factory=list)
    raises: Exception | None = None
    sleep: float = 0.0

    def __call__(self, item: AuditInput, settings) -> Article:
        self.calls.append(item)
        if self.sleep:
            time.sleep(self.sleep)
        if self.raises is not None:
            raise self.raises
        text = item.value.decode("utf-8") if isinstance(item.value, bytes) else str(item.value)
        start = text.find("“")
        end = text.find("”", start) + 1
        if start < 0 or end <= start:
            return Article(text, document=Document(title=f"{item.kind} input"))
        quote = Attribution("q1", "direct", (Span(start, end),))
        finding = Finding("unsourced-quote", "warning", "a quotation with no source", (Span(start, end),), ("q1",))
        return Article(text, document=Document(title=f"{item.kind} input"), attributions=(quote,), findings=(finding,))


def serve_with(settings, runner=None, **server_overrides):
    if server_overrides:
        settings = settings.with_overrides({"server": server_overrides})
    return running(create_app(settings, runner=runner))


@pytest.fixture(scope="module")
def fake():
    return FakeRunner()


@pytest.fixture(scope="module")
def base(settings, fake):
    with serve_with(settings, fake, max_bytes=4096) as url:
        yield url


@pytest.fixture(scope="module")
def client(base):
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def assert_json_error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body["error"]


# --- pages -----------------------------------------------------------------------------------------


def test_app_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "version": r.json()["version"], "schema": "sourcetrace/1", "corpus": False}


def test_app_form_page_is_accessible_and_offline(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert '<html lang="en">' in html and 'name="viewport"' in html
    for control in ("text", "file", "url"):  # every control has a label pointing at it
        assert f'<label for="{control}">' in html and f'id="{control}"' in html
    assert 'enctype="multipart/form-data"' in html and ":focus-visible" in html
    assert 'href="#main"' in html  # skip link
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "the form page must load nothing from outside"
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "4 KB" in html  # the size cap the user is told is the configured one


def test_app_openapi_documents_audit(client):
    spec = client.get("/openapi.json").json()
    audit = spec["paths"]["/api/audit"]["post"]
    assert {"200", "400", "413", "422", "504"} <= set(audit["responses"])
    assert "/audit" not in spec["paths"]  # the HTML form route is not part of the API
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Swagger UI comes from the package (works offline), never from a CDN
    scripts = re.findall(r"""(?:src|href)=["']([^"']+\.(?:js|css))["']""", docs.text)
    assert scripts and all(u.startswith("/static-docs/") for u in scripts)
    for url in scripts:
        asset = client.get(url)
        assert asset.status_code == 200 and len(asset.content) > 10_000


@pytest.mark.parametrize(
    ("path", "json_expected"),
    [("/no/such/page", False), ("/api/nothing", True)],
)
def test_app_not_found_in_the_right_format(client, path, json_expected):
    r = client.get(path)
    assert r.status_code == 404
    if json_expected:
        assert_json_error(r, 404, "not-found")
    else:
        assert r.headers["content-type"].startswith("text/html") and "Page not found" in r.text


def test_app_method_not_allowed_is_json_on_api(client):
    assert_json_error(client.get("/api/audit"), 405, "method-not-allowed")


def test_app_corpus_without_db_explains_how(client):
    r = client.get("/corpus")
    assert r.status_code == 404 and "--db" in r.text


# --- JSON API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ({"text": "Mayor: “We will rebuild.”"}, "text"),
        ({"html": "<p>Mayor: “We will rebuild.”</p>"}, "html"),
        ({"text": "", "html": "<p>“Only html.”</p>"}, "html"),  # an empty field counts as not given
    ],
)
def test_app_api_audit_returns_contract(client, fake, body, kind):
    r = client.post("/api/audit", json=body)
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["schema"] == "sourcetrace/1"
    assert doc["document"]["title"] == f"{kind} input"
    (attr,) = doc["attributions"]
    assert doc["text"][attr["content"][0]["start"] : attr["content"][0]["end"]] == attr["content"][0]["text"]
    assert attr["content"][0]["text"].startswith("“")
    assert [f["code"] for f in doc["findings"]] == ["unsourced-quote"]
    assert fake.calls[-1].kind == kind


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({}, "got none"),
        ({"text": "a", "url": "https://example.org/"}, "got text, url"),
        ({"text": "   "}, "got none"),
        ({"text": "a", "extra": 1}, "extra"),
        ({"text": 5}, "text"),
        ([1, 2], "valid dictionary"),
    ],
)
def test_app_api_rejects_bad_requests(client, body, fragment):
    error = assert_json_error(client.post("/api/audit", json=body), 422, "invalid-request")
    assert fragment in error["message"]


def test_app_api_rejects_malformed_json(client):
    r = client.post("/api/audit", content=b'{"text": "unterminated', headers={"content-type": "application/json"})
    assert_json_error(r, 422, "invalid-request")


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (InputError("no text in the input", code="empty"), 400, "empty"),
        (InputError("looks binary", code="binary"), 400, "binary"),
        (FetchError("could not fetch", code="fetch-failed"), 502, "fetch-failed"),
        (FetchError("too big", code="too-large"), 413, "too-large"),
    ],
)
def test_app_api_maps_input_errors(settings, exc, status, code):
    with serve_with(settings, FakeRunner(raises=exc)) as base:
        error = assert_json_error(httpx.post(base + "/api/audit", json={"text": "x"}), status, code)
    assert error["message"] == str(exc)


@pytest.mark.parametrize("exc", [RuntimeError("secret /home/me/path"), ModelError("model file /opt/m.crfsuite broken")])
def test_app_api_hides_server_errors(settings, exc, caplog):
    with serve_with(settings, FakeRunner(raises=exc)) as base:
        r = httpx.post(base + "/api/audit", json={"text": "x"})
    error = assert_json_error(r, 500, "internal" if isinstance(exc, RuntimeError) else "model")
    assert "/home/me" not in r.text and "/opt/m" not in r.text
    ref = re.search(r"reference ([0-9a-f]{8})", error["message"]).group(1)
    assert any(ref in rec.getMessage() for rec in caplog.records)  # the log has what the client does not


def test_app_api_times_out_with_504(settings):
    with serve_with(settings, FakeRunner(sleep=3.0), timeout=0.3) as base:
        started = time.monotonic()
        r = httpx.post(base + "/api/audit", json={"text": "x"}, timeout=10)
        elapsed = time.monotonic() - started
    error = assert_json_error(r, 504, "timeout")
    assert "0.3 s" in error["message"]
    assert elapsed < 2.5  # answered at the limit, not when the audit finished


def test_app_timed_out_requests_in_the_queue_never_run(settings):
    runner = FakeRunner(sleep=1.0)
    with serve_with(settings, runner, timeout=0.3, workers=1) as base:
        with ThreadPoolExecutor(3) as pool:
            post = lambda _: httpx.post(base + "/api/audit", json={"text": "x"}, timeout=10).status_code  # noqa: E731
            codes = list(pool.map(post, range(3)))
        time.sleep(1.5)  # long enough for queued audits to have started, had they not been dropped
    assert codes == [504, 504, 504]
    assert len(runner.calls) == 1


# --- request size cap ------------------------------------------------------------------------------


def test_app_body_cap_by_content_length(client, fake):
    before = len(fake.calls)
    error = assert_json_error(client.post("/api/audit", json={"text": "a" * 5000}), 413, "too-large")
    assert "4 KB" in error["message"]
    assert len(fake.calls) == before  # refused before the audit


def test_app_body_cap_when_streamed_without_length(client, fake):
    before = len(fake.calls)

    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 1000
        yield b'"}'

    r = client.post("/api/audit", content=chunks(), headers={"content-type": "application/json"})
    assert r.request.headers.get("transfer-encoding") == "chunked"
    assert_json_error(r, 413, "too-large")
    assert len(fake.calls) == before


def test_app_body_cap_on_the_form_is_an_html_page(client):
    r = client.post("/audit", files={"file": ("big.txt", b"x" * 6000, "text/plain")})
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("text/html") and "too large" in r.text.lower()


def test_app_body_under_cap_passes(client):
    assert client.post("/api/audit", json={"text": "“ok” " + "a" * 3000}).status_code == 200


# --- the HTML form ---------------------------------------------------------------------------------


def test_app_form_text_returns_report(client, fake):
    r = client.post("/audit", data={"text": "The mayor said “we rebuild” today.", "url": ""}, files={"file": ("", b"")})
    assert r.status_code == 200, r.text
    assert fake.calls[-1] == AuditInput("text", "The mayor said “we rebuild” today.")
    assert "“we rebuild”" in r.text and "unsourced-quote" in r.text
    assert 'href="/"' in r.text  # the way back to the form


def test_app_form_file_upload_keeps_a_safe_name(client, load_fixture, fake):
    data = load_fixture("server_page.html").encode("utf-8")
    r = client.post("/audit", data={"text": "", "url": ""}, files={"file": ("../../etc/Harbour <plan>.html", data, "text/html")})
    assert r.status_code == 200, r.text
    item = fake.calls[-1]
    assert item.kind == "file" and item.value == data
    assert item.name == "Harbour _plan_.html"


@pytest.mark.parametrize(
    ("fields", "files", "status", "fragment"),
    [
        ({"text": "", "url": ""}, {"file": ("", b"")}, 422, "paste the article"),
        ({"text": "words", "url": "https://example.org/a"}, None, 422, "text and URL"),
        ({"text": "words"}, {"file": ("a.txt", b"more", "text/plain")}, 422, "text and file"),
        ({"text": ""}, {"file": ("empty.txt", b"", "text/plain")}, 400, "empty"),
        ({"url": "file:///etc/passwd"}, None, 400, "refused URL"),
    ],
)
def test_app_form_errors_show_the_form_again(client, fields, files, status, fragment):
    r = client.post("/audit", data=fields, files=files)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert 'role="alert"' in r.text and fragment in r.text
    assert '<form class="card audit"' in r.text


def test_app_form_error_keeps_and_escapes_the_input(client):
    pasted = "<script>alert(1)</script> “x”"
    r = client.post("/audit", data={"text": pasted, "url": "https://example.org/a"})
    assert r.status_code == 422
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; “x”</textarea>" in r.text
    assert 'value="https://example.org/a"' in r.text


def test_app_report_escapes_article_text(client):
    r = client.post("/audit", data={"text": "<img src=x onerror=alert(1)> said “<b>hi</b>”"})
    assert r.status_code == 200
    assert "<img src=x" not in r.text and "<b>hi</b>" not in r.text


def test_app_report_csp_allows_only_its_own_scripts(client):
    r = client.post("/audit", data={"text": "He said “fine”."})
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1]


def test_app_urls_can_be_switched_off(settings):
    with serve_with(settings, FakeRunner(), allow_urls=False) as base:
        form = httpx.get(base + "/").text
        r = httpx.post(base + "/api/audit", json={"url": "https://example.org/"})
    assert 'id="url"' not in form
    assert "allow_urls" in assert_json_error(r, 400, "refused-url")["message"]


# --- concurrency: a slow audit does not block the others -------------------------------------------


def test_app_serves_health_while_auditing(settings):
    runner = FakeRunner(sleep=1.5)
    with serve_with(settings, runner) as base:
        slow = threading.Thread(target=httpx.post, args=(base + "/api/audit",), kwargs={"json": {"text": "x"}, "timeout": 10})
        slow.start()
        while not runner.calls:
            time.sleep(0.01)
        started = time.monotonic()
        assert httpx.get(base + "/healthz").status_code == 200
        assert time.monotonic() - started < 1.0  # not queued behind the audit
        slow.join()


# --- the real pipeline -----------------------------------------------------------------------------


def _pipeline_or_skip(settings, text: str) -> None:
    """Skip while the stages or their trained models are not in the tree yet (they land separately)."""
    from sourcetrace.ingest import ingest_text
    from sourcetrace.pipeline import run

    try:
        run(ingest_text(text, settings), settings)
    except (ImportError, ModelError) as exc:
        pytest.skip(f"the pipeline cannot run yet: {exc}")


def test_app_real_pipeline_pasted_text(settings, load_fixture):
    text = load_fixture("server_quote.txt")
    _pipeline_or_skip(settings, text)
    with running(create_app(settings)) as base:
        r = httpx.post(base + "/api/audit", json={"text": text}, timeout=60)
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["schema"] == "sourcetrace/1" and doc["text"].startswith("City council")
    quotes = [a["content"][0]["text"] for a in doc["attributions"]]
    assert any("another month" in q for q in quotes)


def test_app_real_pipeline_does_not_read_paths(settings, load_fixture, tmp_path):
    """Pasted text that looks like a path is audited as text, never opened as a file."""
    _pipeline_or_skip(settings, load_fixture("server_quote.txt"))
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET “do not read” content", "utf-8")
    with running(create_app(settings)) as base:
        r = httpx.post(base + "/api/audit", json={"text": str(secret)}, timeout=60)
    assert "TOP SECRET" not in r.text
    if r.status_code == 200:
        assert r.json()["text"] == str(secret)


def test_app_fallback_report_marks_and_escapes():
    from sourcetrace.server.pages import fallback_report

    text = "<b>Mayor</b> said “a & b” and “c”."
    first, second = text.index("“a"), text.index("“c")
    article = Article(
        text,
        attributions=(
            Attribution("q1", "direct", (Span(first, first + 7),)),
            Attribution("q2", "direct", (Span(second, second + 3),)),
        ),
        findings=(Finding("unsourced-quote", "warning", "no <source>"),),
    )
    html = fallback_report(article)
    assert '<mark class="quote" id="q1">“a &amp; b”</mark>' in html
    assert '<mark class="quote" id="q2">“c”</mark>' in html
    assert "&lt;b&gt;Mayor&lt;/b&gt;" in html and "no &lt;source&gt;" in html


def test_app_real_pipeline_concurrent_requests_all_succeed(settings, seed_path):
    """Concurrent audits share the per-process CRF taggers, which are not thread-safe: none may fail.
    (With server.workers = 4 this failed 4 audits in 24 with pycrfsuite "position out of range".)"""
    text = seed_path.read_text("utf-8")  # a long article: many tagger calls, so overlapping ones
    _pipeline_or_skip(settings, text)
    with running(create_app(settings)) as base:
        with ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(lambda _: httpx.post(base + "/api/audit", json={"text": text}, timeout=120), range(18)))
    assert [r.status_code for r in responses] == [200] * 18
    assert len({r.text for r in responses}) == 1  # the same audit every time
