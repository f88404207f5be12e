"""Live link checks against DNS rebinding: a resolver (socket.getaddrinfo, patched) that answers a public
address to the check and 127.0.0.1 afterwards must not get a request to the local server. The pinned
transport's inner backend refuses every address but loopback, so nothing leaves the machine."""

from __future__ import annotations

import functools
import ipaddress
import socket

import httpcore
import pytest

from local_http import QuietHandler
from sourcetrace.ingest.pinning import AsyncPinnedTransport
from sourcetrace.references import liveness
from sourcetrace.references.liveness import REFUSED_PRIVATE, check_urls

NAME = "rebind.test"
PUBLIC = "93.184.216.34"


class Handler(QuietHandler):
    hits: list[tuple[str, str, str]] = []  # (method, path, Host header) of every request received

    def _answer(self, body: bool) -> None:
        Handler.hits.append((self.command, self.path, self.headers.get("Host", "")))
        self.reply(200, b"ok", send_body=body)

    def do_HEAD(self):  # noqa: N802 - http.server's naming
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)


@pytest.fixture(scope="module")
def port(serve_http):
    with serve_http(Handler) as port:
        yield port


class LoopbackOnly(httpcore.AnyIOBackend):
    """The real async backend, except that any IP literal but loopback fails at once (ENETUNREACH)."""

    def __init__(self) -> None:
        self.connects: list[str] = []

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.connects.append(host)
        try:
            routable = not ipaddress.ip_address(host).is_loopback
        except ValueError:  # a name (allow_private): resolved by the patched getaddrinfo below
            routable = False
        if routable:
            raise httpcore.ConnectError("[Errno 101] Network is unreachable (test)")
        return await super().connect_tcp(host, port, timeout, local_address, socket_options)


@pytest.fixture
def network(monkeypatch):
    """answer(*addresses): NAME resolves to the 1st address on the 1st lookup, the 2nd on the next ones.

    Returns (lookups of NAME, the hosts the transport connected to).
    """
    lookups: list[str] = []
    backend = LoopbackOnly()
    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(liveness, "AsyncPinnedTransport", functools.partial(AsyncPinnedTransport, inner=backend))

    def answer(*addresses: str):
        def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
            name = host.decode("ascii") if isinstance(host, bytes) else host  # anyio passes bytes
            if name != NAME:
                return real_getaddrinfo(host, port, family, type, proto, flags)
            address = addresses[min(len(lookups), len(addresses) - 1)]
            lookups.append(address)
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port or 0))]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        return lookups, backend.connects

    return answer


def settings_with(settings, allow_private: bool):
    return settings.with_overrides({"fetch": {"allow_private": allow_private}, "links": {"timeout": 2.0}})


def test_liveness_rebinding_to_loopback_reaches_no_local_server(port, settings, network):
    lookups, connects = network(PUBLIC, "127.0.0.1")
    before = len(Handler.hits)
    url = f"http://{NAME}:{port}/ok"
    result = check_urls([url], settings_with(settings, False))[url]
    assert len(Handler.hits) == before  # the local server received nothing
    assert lookups == [PUBLIC]  # the check's lookup only: the connection did not ask DNS again
    assert set(connects) == {PUBLIC}  # HEAD, then GET: both to the vetted address, unreachable here
    assert result.status == "unknown" and result.reason.startswith("connection failed")


def test_liveness_name_resolving_to_loopback_is_refused(port, settings, network):
    lookups, connects = network("127.0.0.1")
    url = f"http://{NAME}:{port}/ok"
    result = check_urls([url], settings_with(settings, False))[url]
    assert (result.status, result.reason) == ("unknown", f"{REFUSED_PRIVATE} 127.0.0.1")
    assert connects == []


def test_liveness_allow_private_checks_the_local_server_by_name(port, settings, network):
    lookups, connects = network("127.0.0.1")
    before = len(Handler.hits)
    url = f"http://{NAME}:{port}/ok"
    result = check_urls([url], settings_with(settings, True))[url]
    assert (result.status, result.http_status) == ("live", 200)
    assert Handler.hits[before:] == [("HEAD", "/ok", f"{NAME}:{port}")]
    assert connects == [NAME]


@pytest.mark.parametrize(
    "address",
    ["100.64.0.1", "::ffff:127.0.0.1", "fe80::1%eth0"],  # not global / mapped loopback / zone id
)
def test_liveness_uses_the_fetch_refusal_rule(port, settings, network, address):
    network(address)
    url = f"http://{NAME}:{port}/ok"
    result = check_urls([url], settings_with(settings, False))[url]
    assert (result.status, result.reason) == ("unknown", f"{REFUSED_PRIVATE} {address}")
