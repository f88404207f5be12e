"""The only conftest: shared fixtures and options (--slow, --update-golden)."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from sourcetrace.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="run slow tests (full corpus evaluations)")
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from current output")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@contextmanager
def _serving(handler):
    """A ThreadingHTTPServer on 127.0.0.1 (a free port) serving `handler` in a daemon thread; yields the port."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="session")
def serve_http():
    """serve_http(Handler): a context manager running a real local HTTP server, yielding its port (tests
    of fetching and link checks use these instead of mocks; nothing leaves the machine). Handlers derive
    from local_http.QuietHandler (one-call replies, no access log)."""
    return _serving


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def load_fixture():
    """load_fixture("name.txt") -> the text of tests/fixtures/articles/name.txt."""

    def load(name: str) -> str:
        return (FIXTURES / "articles" / name).read_text("utf-8")

    return load


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The bundled example article (a copy of shared/seed/article.txt)."""
    return ROOT / "examples" / "article.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (corpora and scorers); tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))
