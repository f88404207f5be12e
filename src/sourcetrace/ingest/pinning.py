"""Vetted addresses per host -> httpx transports (sync and async) whose TCP connections go only there.

The caller resolves and vets each URL's host once and pins the result; the transport then connects to
those IP literals instead of resolving the name again, so DNS cannot answer a public address to the
check and a private one to the connection (DNS rebinding). URL, Host header and TLS server name
(SNI, certificate check) keep the hostname: httpcore passes it to `start_tls` separately.
"""

from __future__ import annotations

import contextlib
import typing

import httpcore
import httpx

# httpx's default pool limits (httpx.HTTPTransport uses the same through DEFAULT_LIMITS)
MAX_CONNECTIONS = 100
MAX_KEEPALIVE = 20
KEEPALIVE_EXPIRY = 5.0

# httpcore exception -> the httpx one a client caller expects, most specific first
HTTPCORE_TO_HTTPX: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


class UnvettedHost(httpx.TransportError):
    """A connection was asked for a host nobody pinned: refused rather than resolved here.

    A TransportError, so a caller that only catches httpx.HTTPError still gets a clean error.
    """

    def __init__(self, host: str) -> None:
        super().__init__(f"no vetted address for host {host!r}; the connection was not made")
        self.host = host


class Pins:
    """host -> the addresses a connection to it may use.

    `None` as addresses means any address (the caller allows private ones) and the name is resolved
    at connect time as usual; a host never pinned is refused (UnvettedHost), so a forgotten check
    fails closed. Hosts are keyed the way the connection sees them (httpx's IDNA-encoded raw host).
    """

    def __init__(self) -> None:
        self._pins: dict[str, tuple[str, ...] | None] = {}

    def pin(self, url: str, addresses: typing.Iterable[str] | None) -> None:
        """Let connections to `url`'s host use exactly `addresses` (IP literals; None: any).

        Raises httpx.InvalidURL or ValueError (a bad IDNA label) where httpx could not send to `url`.
        """
        self._pins[host_key(url)] = None if addresses is None else tuple(addresses)

    def addresses(self, host: str) -> tuple[str, ...] | None:
        """The pinned addresses of `host` (None: any). Raises UnvettedHost when it was never pinned."""
        try:
            return self._pins[host.lower()]
        except KeyError:
            raise UnvettedHost(host) from None


def host_key(url: str) -> str:
    """The host of `url` as httpcore will hand it to connect_tcp ("xn--bcher-kva.de", "::1")."""
    parsed = httpx.URL(url)
    if parsed.host is None:  # never: .host decodes IDNA and raises here rather than in the client
        raise httpx.InvalidURL(f"no host in {url!r}")
    return parsed.raw_host.decode("ascii").lower()


class PinnedBackend(httpcore.NetworkBackend):
    """httpcore's sync network backend, connecting to a host's pinned addresses in order."""

    def __init__(self, pins: Pins, inner: httpcore.NetworkBackend | None = None) -> None:
        self._pins = pins
        self._inner = inner if inner is not None else httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = self._pins.addresses(host)
        if addresses is None:
            return self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        failure: Exception = httpcore.ConnectError(f"no address to connect to for {host}")
        for address in addresses:  # like socket.create_connection: the next one when one fails
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class AsyncPinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's async (anyio) network backend, connecting to a host's pinned addresses in order."""

    def __init__(self, pins: Pins, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._pins = pins
        self._inner = inner if inner is not None else httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = self._pins.addresses(host)
        if addresses is None:
            return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        failure: Exception = httpcore.ConnectError(f"no address to connect to for {host}")
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PinnedTransport(httpx.BaseTransport):
    """An httpx transport over httpcore.ConnectionPool with a PinnedBackend.

    httpx.HTTPTransport takes no network backend, hence this small transport on public API only.
    """

    def __init__(self, pins: Pins, *, inner: httpcore.NetworkBackend | None = None, verify: bool = True) -> None:
        self.pins = pins
        self._pool = httpcore.ConnectionPool(network_backend=PinnedBackend(pins, inner), **_pool_options(verify))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with _httpx_errors():
            response = self._pool.handle_request(_core_request(request))
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Stream(typing.cast(typing.Iterable[bytes], response.stream)),
            extensions=response.extensions,
        )

    def close(self) -> None:
        with _httpx_errors():
            self._pool.close()


class AsyncPinnedTransport(httpx.AsyncBaseTransport):
    """An httpx async transport over httpcore.AsyncConnectionPool with an AsyncPinnedBackend."""

    def __init__(
        self, pins: Pins, *, inner: httpcore.AsyncNetworkBackend | None = None, verify: bool = True
    ) -> None:
        self.pins = pins
        self._pool = httpcore.AsyncConnectionPool(network_backend=AsyncPinnedBackend(pins, inner), **_pool_options(verify))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        with _httpx_errors():
            response = await self._pool.handle_async_request(_core_request(request))
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_AsyncStream(typing.cast(typing.AsyncIterable[bytes], response.stream)),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        with _httpx_errors():
            await self._pool.aclose()


def _pool_options(verify: bool) -> dict[str, typing.Any]:
    """The connection-pool settings both transports share: httpx's default limits and TLS context."""
    return {
        "ssl_context": httpx.create_ssl_context(verify=verify),
        "max_connections": MAX_CONNECTIONS,
        "max_keepalive_connections": MAX_KEEPALIVE,
        "keepalive_expiry": KEEPALIVE_EXPIRY,
    }


def _core_request(request: httpx.Request) -> httpcore.Request:
    return httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=request.url.raw_scheme,
            host=request.url.raw_host,
            port=request.url.port,
            target=request.url.raw_path,
        ),
        headers=request.headers.raw,
        content=request.stream,
        extensions=request.extensions,
    )


@contextlib.contextmanager
def _httpx_errors() -> typing.Iterator[None]:
    """Re-raise httpcore's exceptions as httpx's (the ones an httpx.Client caller catches)."""
    try:
        yield
    except Exception as exc:
        for core, mapped in HTTPCORE_TO_HTTPX:
            if isinstance(exc, core):
                raise mapped(str(exc)) from exc
        raise


class _Stream(httpx.SyncByteStream):
    def __init__(self, stream: typing.Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> typing.Iterator[bytes]:
        with _httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            with _httpx_errors():
                close()


class _AsyncStream(httpx.AsyncByteStream):
    def __init__(self, stream: typing.AsyncIterable[bytes]) -> None:
        self._stream = stream

    async def __aiter__(self) -> typing.AsyncIterator[bytes]:
        with _httpx_errors():
            async for part in self._stream:
                yield part

    async def aclose(self) -> None:
        aclose = getattr(self._stream, "aclose", None)
        if aclose is not None:
            with _httpx_errors():
                await aclose()
