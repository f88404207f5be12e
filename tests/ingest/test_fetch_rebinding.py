"""tests for sourcetrace.ingest.fetch against DNS rebinding: a resolver (socket.getaddrinfo, patched) that
answers a public address to the check and 127.0.0.1 afterwards must not get a request to the local
server. Connections to anything but loopback are refused in-process, so nothing leaves the machine."""

from __future__ import annotations

import errno
import ipaddress
import socket

import pytest

from local_http import QuietHandler
from sourcetrace.errors import FetchError
from sourcetrace.ingest import fetch as fetch_module
from sourcetrace.ingest.fetch import fetch_url

NAME = "rebind.test"
PUBLIC = "93.184.216.34"


class Handler(QuietHandler):
    hits: list[tuple[str, str]] = []  # (path, Host header) of every request the server received

    def do_GET(self):  # noqa: N802 - http.server's naming
        Handler.hits.append((self.path, self.headers.get("Host", "")))
        self.reply(200, b"<html><body><p>local page</p></body></html>", content_type="text/html")


@pytest.fixture(scope="module")
def port(serve_http):
    with serve_http(Handler) as port:
        yield port


@pytest.fixture
def network(monkeypatch):
    """answer(*addresses): NAME resolves to the 1st address on the 1st lookup, the 2nd on the next ones.

    Returns the list of lookups of NAME and the list of addresses connected to. Connections to any
    address but loopback fail at once (ENETUNREACH) instead of leaving the machine.
    """
    lookups: list[str] = []
    connects: list[str] = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection

    def answer(*addresses: str):
        def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
            if host != NAME:
                return real_getaddrinfo(host, port, family, type, proto, flags)
            address = addresses[min(len(lookups), len(addresses) - 1)]
            lookups.append(address)
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

        def create_connection(address, *args, **kwargs):
            host = address[0]
            resolved = getaddrinfo(host, address[1])[0][4][0] if host == NAME else host
            connects.append(resolved)
            if not ipaddress.ip_address(resolved).is_loopback:
                raise OSError(errno.ENETUNREACH, "Network is unreachable (test)")
            return real_connect((resolved, address[1]), *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        return lookups, connects

    return answer


@pytest.fixture
def strict(settings):
    return settings.with_overrides({"fetch": {"allow_private": False, "timeout": 5.0}})


def test_fetch_rebinding_to_loopback_reaches_no_local_server(port, strict, network):
    lookups, connects = network(PUBLIC, "127.0.0.1")
    before = len(Handler.hits)
    with pytest.raises(FetchError) as info:
        fetch_url(f"http://{NAME}:{port}/page", strict)
    assert len(Handler.hits) == before  # the local server received nothing
    assert lookups == [PUBLIC]  # one lookup (the check's); the connection did not ask DNS again
    assert connects == [PUBLIC]  # it went to the vetted address, which is unreachable here
    assert info.value.code == "fetch-failed"
    assert "\n" not in str(info.value)


def test_fetch_rebinding_connection_goes_to_the_vetted_address(port, strict, network, monkeypatch):
    # Loopback stands in for a public site (declared public); the second answer would point elsewhere.
    real = fetch_module.refused_address
    monkeypatch.setattr(fetch_module, "refused_address", lambda address: address != "127.0.0.1" and real(address))
    lookups, connects = network("127.0.0.1", "10.0.0.1")
    before = len(Handler.hits)
    fetched = fetch_url(f"http://{NAME}:{port}/page", strict)
    assert b"local page" in fetched.data
    assert connects == ["127.0.0.1"] and lookups == ["127.0.0.1"]
    assert Handler.hits[before:] == [("/page", f"{NAME}:{port}")]  # the Host header keeps the name


def test_fetch_name_resolving_to_loopback_is_refused_before_connecting(port, strict, network):
    lookups, connects = network("127.0.0.1")
    before = len(Handler.hits)
    with pytest.raises(FetchError) as info:
        fetch_url(f"http://{NAME}:{port}/page", strict)
    assert info.value.code == "refused-url"
    assert "127.0.0.1" in str(info.value) and "\n" not in str(info.value)
    assert connects == [] and len(Handler.hits) == before


def test_fetch_allow_private_fetches_the_local_server_by_name(port, settings, network):
    lookups, connects = network("127.0.0.1")
    before = len(Handler.hits)
    allowed = settings.with_overrides({"fetch": {"allow_private": True, "timeout": 5.0}})
    fetched = fetch_url(f"http://{NAME}:{port}/page", allowed)
    assert b"local page" in fetched.data
    assert Handler.hits[before:] == [("/page", f"{NAME}:{port}")]
    assert connects == ["127.0.0.1"]
