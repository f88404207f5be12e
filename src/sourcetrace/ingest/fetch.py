"""URL -> (bytes, final URL, content type): an httpx GET that follows redirects by hand so that every
hop's host is resolved and refused when it is loopback/private/link-local/reserved/multicast, and the
connection then goes to the very addresses vetted (pinning.py), never to a second DNS answer."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import FetchError
from ..settings import Settings
from .pinning import PinnedTransport, Pins, UnvettedHost

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched response body and where it finally came from."""

    data: bytes
    url: str
    content_type: str | None = None


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, in the resolver's order of preference (an IP literal resolves
    to itself). Raises OSError on failure."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def refused_address(address: str) -> bool:
    """True for addresses a fetch must not reach: loopback, private, link-local, reserved, multicast..."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


def check_url(url: str, allow_private: bool) -> tuple[str, ...] | None:
    """The addresses `url` may be fetched from (None: any, with `allow_private`); raise
    FetchError(code="refused-url") when it may not be fetched.

    Checks the scheme (http/https only) and, unless `allow_private`, resolves the host and refuses it
    when any of its addresses is refused (a name with one public and one private address is refused:
    the client might connect to either). Unresolvable hosts raise FetchError(code="fetch-failed").
    fetch_url connects only to the addresses returned (DNS is not asked twice).
    """
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:  # a port out of range, a bad IPv6 literal, NFKC-invalid characters
        raise _unparsable(url, exc) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(
            f"refused URL {url!r}: only http:// and https:// URLs with a host are fetched; "
            "pass a local file as a path instead",
            code="refused-url",
        )
    if allow_private:
        return None
    try:
        addresses = resolve_host(parts.hostname, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(
            f"cannot resolve host {parts.hostname!r} of {url}: {exc}; check the URL and your network",
            code="fetch-failed",
        ) from None
    refused = [a for a in addresses if refused_address(a)]
    if refused or not addresses:
        raise FetchError(
            f"refused URL {url}: host {parts.hostname} resolves to the non-public address "
            f"{(refused or ['none'])[0]}; only public addresses are fetched unless fetch.allow_private "
            "is set (--allow-private)",
            code="refused-url",
        )
    return tuple(addresses)


def next_hop(url: str, response_status: int, location: str | None, allow_private: bool) -> str:
    """The absolute URL a redirect response points to, after checking it like the first URL.

    Raises FetchError: "fetch-failed" for a redirect without Location, "refused-url" for a refused target.
    """
    return _follow(url, response_status, location, allow_private)[0]


def _follow(
    url: str, response_status: int, location: str | None, allow_private: bool
) -> tuple[str, tuple[str, ...] | None]:
    """next_hop, with the target's vetted addresses (check_url's answer)."""
    if not location:
        raise FetchError(f"{url} answered HTTP {response_status} without a Location header", code="fetch-failed")
    target = urljoin(url, location.strip())
    return target, check_url(target, allow_private)


def fetch_url(url: str, settings: Settings) -> Fetched:
    """GET `url` within the [fetch] limits and return its body.

    Raises FetchError: "refused-url" (scheme or address refused on any hop), "too-large" (body above
    fetch.max_bytes), "fetch-failed" (network error, timeout, HTTP error status, too many redirects).
    """
    allow_private = bool(settings.get("fetch", "allow_private"))
    max_bytes = int(settings.get("fetch", "max_bytes"))
    max_redirects = int(settings.get("fetch", "max_redirects"))
    headers = {"User-Agent": str(settings.get("fetch", "user_agent")), "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"}
    addresses = check_url(url, allow_private)
    pins = Pins()
    # With an explicit transport httpx ignores HTTP(S)_PROXY: a proxy would resolve the name itself.
    transport = PinnedTransport(pins)
    try:
        timeout = float(settings.get("fetch", "timeout"))
        with httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, headers=headers) as client:
            for _ in range(max_redirects + 1):
                _pin(pins, url, addresses)  # this hop connects to what check_url vetted, nowhere else
                with client.stream("GET", url) as response:
                    if response.status_code in REDIRECT_STATUSES:
                        location = response.headers.get("location")
                        url, addresses = _follow(url, response.status_code, location, allow_private)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"{url} answered HTTP {response.status_code}; check the URL or save the page and pass the file",
                            code="fetch-failed",
                        )
                    return Fetched(_read_capped(response, url, max_bytes), str(url), response.headers.get("content-type"))
    except UnvettedHost as exc:  # a connection the hop checks did not vet: a bug, refused all the same
        raise FetchError(f"refused URL {url}: {exc}", code="refused-url") from None
    except httpx.HTTPError as exc:
        raise FetchError(
            f"could not fetch {url}: {type(exc).__name__}: {exc}; check the URL, or raise fetch.timeout",
            code="fetch-failed",
        ) from None
    raise FetchError(
        f"{url}: more than {max_redirects} redirects (fetch.max_redirects); fetch the final URL directly",
        code="fetch-failed",
    )


def _pin(pins: Pins, url: str, addresses: tuple[str, ...] | None) -> None:
    try:
        pins.pin(url, addresses)
    except (httpx.InvalidURL, ValueError) as exc:  # httpx's parser is stricter than urlsplit (IDNA)
        raise _unparsable(url, exc) from None


def _unparsable(url: str, exc: Exception) -> FetchError:
    return FetchError(f"refused URL {url!r}: it cannot be parsed ({exc}); check the URL", code="refused-url")


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, int(declared), max_bytes)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:  # stop reading: the server may be streaming without end
            raise _too_large(url, size, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, size: int, max_bytes: int) -> FetchError:
    return FetchError(
        f"{url} sent more than {max_bytes} bytes (got {size}+), above fetch.max_bytes; "
        "raise fetch.max_bytes if this really is one article",
        code="too-large",
    )
