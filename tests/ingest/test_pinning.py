"""tests for sourcetrace.ingest.pinning: a fake httpcore network backend records where connections go and
what TLS server name they use; no socket is opened (HTTPS needs no certificate here)."""

from __future__ import annotations

import asyncio

import httpcore
import httpx
import pytest

from sourcetrace.ingest.pinning import AsyncPinnedTransport, PinnedTransport, Pins, UnvettedHost, host_key

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"


class FakeStream(httpcore.NetworkStream):
    """Answers RESPONSE to whatever is written; records the TLS server name it was asked for."""

    def __init__(self, log: dict) -> None:
        self.log = log
        self.unread = RESPONSE

    def read(self, max_bytes, timeout=None):
        data, self.unread = self.unread[:max_bytes], self.unread[max_bytes:]
        return data

    def write(self, buffer, timeout=None):
        self.log.setdefault("written", b"")
        self.log["written"] += buffer

    def close(self):
        pass

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        self.log["server_hostname"] = server_hostname
        return self

    def get_extra_info(self, info):
        return None


class FakeBackend(httpcore.NetworkBackend):
    """connect_tcp succeeds except for the hosts in `down` (httpcore.ConnectError, like a dead address)."""

    def __init__(self, down=()) -> None:
        self.down = set(down)
        self.connects: list[tuple[str, int]] = []
        self.log: dict = {}

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connects.append((host, port))
        if host in self.down:
            raise httpcore.ConnectError(f"[Errno 101] Network is unreachable: {host}")
        return FakeStream(self.log)


class AsyncFakeStream(httpcore.AsyncNetworkStream):
    def __init__(self, log: dict) -> None:
        self.sync = FakeStream(log)

    async def read(self, max_bytes, timeout=None):
        return self.sync.read(max_bytes)

    async def write(self, buffer, timeout=None):
        self.sync.write(buffer)

    async def aclose(self):
        pass

    async def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        self.sync.start_tls(ssl_context, server_hostname)
        return self

    def get_extra_info(self, info):
        return None


class AsyncFakeBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, down=()) -> None:
        self.down = set(down)
        self.connects: list[tuple[str, int]] = []
        self.log: dict = {}

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connects.append((host, port))
        if host in self.down:
            raise httpcore.ConnectError(f"[Errno 101] Network is unreachable: {host}")
        return AsyncFakeStream(self.log)


def get(url: str, pins: Pins, backend: FakeBackend) -> httpx.Response:
    with httpx.Client(transport=PinnedTransport(pins, inner=backend)) as client:
        return client.get(url)


def aget(url: str, pins: Pins, backend: AsyncFakeBackend) -> httpx.Response:
    async def run():
        async with httpx.AsyncClient(transport=AsyncPinnedTransport(pins, inner=backend)) as client:
            return await client.get(url)

    return asyncio.run(run())


@pytest.mark.parametrize("runner", ["sync", "async"])
@pytest.mark.parametrize(
    ("url", "address", "port", "host_header"),
    [
        ("https://news.example/story", "93.184.216.34", 443, b"Host: news.example\r\n"),
        ("https://news.example:8443/story", "93.184.216.34", 8443, b"Host: news.example:8443\r\n"),
        ("https://v6.example/story", "2606:2800:220:1:248:1893:25c8:1946", 443, b"Host: v6.example\r\n"),
    ],
)
def test_pinning_https_connects_to_the_ip_with_the_hostname_for_tls(runner, url, address, port, host_header):
    pins = Pins()
    pins.pin(url, [address])
    backend = FakeBackend() if runner == "sync" else AsyncFakeBackend()
    response = (get if runner == "sync" else aget)(url, pins, backend)
    assert response.status_code == 200 and response.text == "ok"
    assert backend.connects == [(address, port)]  # the socket goes to the vetted IP literal...
    assert backend.log["server_hostname"] == url.split("/")[2].split(":")[0]  # ...SNI and cert check use the name
    assert host_header in backend.log["written"]  # ...and so does the Host header


@pytest.mark.parametrize("runner", ["sync", "async"])
def test_pinning_plain_http_has_no_tls_and_keeps_the_host_header(runner):
    pins = Pins()
    pins.pin("http://news.example/", ["93.184.216.34"])
    backend = FakeBackend() if runner == "sync" else AsyncFakeBackend()
    (get if runner == "sync" else aget)("http://news.example/a", pins, backend)
    assert backend.connects == [("93.184.216.34", 80)]
    assert "server_hostname" not in backend.log
    assert backend.log["written"].startswith(b"GET /a HTTP/1.1\r\nHost: news.example\r\n")


@pytest.mark.parametrize("runner", ["sync", "async"])
def test_pinning_tries_the_next_vetted_address_when_one_fails(runner):
    pins = Pins()
    pins.pin("http://news.example/", ["2001:db8::dead", "93.184.216.34"])
    backend = (FakeBackend if runner == "sync" else AsyncFakeBackend)(down={"2001:db8::dead"})
    response = (get if runner == "sync" else aget)("http://news.example/", pins, backend)
    assert response.text == "ok"
    assert [host for host, _ in backend.connects] == ["2001:db8::dead", "93.184.216.34"]


@pytest.mark.parametrize("runner", ["sync", "async"])
def test_pinning_all_vetted_addresses_down_is_a_connect_error(runner):
    pins = Pins()
    pins.pin("http://news.example/", ["93.184.216.34"])
    backend = (FakeBackend if runner == "sync" else AsyncFakeBackend)(down={"93.184.216.34"})
    with pytest.raises(httpx.ConnectError):  # httpcore's error comes out as httpx's
        (get if runner == "sync" else aget)("http://news.example/", pins, backend)
    assert backend.connects == [("93.184.216.34", 80)]


@pytest.mark.parametrize("runner", ["sync", "async"])
def test_pinning_unpinned_host_is_refused_without_connecting(runner):
    pins = Pins()
    pins.pin("http://news.example/", ["93.184.216.34"])
    backend = FakeBackend() if runner == "sync" else AsyncFakeBackend()
    with pytest.raises(UnvettedHost) as info:
        (get if runner == "sync" else aget)("http://other.example/", pins, backend)
    assert isinstance(info.value, httpx.HTTPError)  # callers catching httpx errors still get a clean one
    assert "other.example" in str(info.value) and "\n" not in str(info.value)
    assert backend.connects == []


@pytest.mark.parametrize("runner", ["sync", "async"])
def test_pinning_none_connects_by_name(runner):
    pins = Pins()
    pins.pin("http://intranet.example/", None)  # allow_private: any address, resolved at connect time
    backend = FakeBackend() if runner == "sync" else AsyncFakeBackend()
    (get if runner == "sync" else aget)("http://intranet.example/", pins, backend)
    assert backend.connects == [("intranet.example", 80)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://News.Example/x", "news.example"),
        ("https://bücher.example/", "xn--bcher-kva.example"),  # the IDNA form httpcore connects to
        ("http://[::1]:8080/", "::1"),
        ("http://127.0.0.1:9/", "127.0.0.1"),
    ],
)
def test_pinning_host_key_is_the_host_httpcore_sees(url, expected):
    assert host_key(url) == expected
    pins = Pins()
    pins.pin(url, ["93.184.216.34"])
    assert pins.addresses(expected) == ("93.184.216.34",)
