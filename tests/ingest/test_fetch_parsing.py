"""tests for sourcetrace.ingest.fetch: URLs that urlsplit or httpx cannot parse are a one-line
FetchError("refused-url"), never a traceback; none of them reaches DNS or a socket."""

from __future__ import annotations

import pytest

from sourcetrace.errors import FetchError
from sourcetrace.ingest.fetch import fetch_url


@pytest.mark.parametrize(
    ("url", "allow_private"),
    [
        ("http://127.0.0.1:99999/", False),  # port out of range
        ("http://127.0.0.1:99999/", True),
        ("http://[::1/", False),  # unclosed IPv6 literal
        ("http://\u2100.example/", True),  # NFKC turns it into a "/" in the host
        ("http://xn--zz.example/", True),  # an invalid IDNA A-label: httpx refuses to send it
    ],
)
def test_fetch_unparsable_url_is_refused(settings, url, allow_private):
    with pytest.raises(FetchError) as info:
        fetch_url(url, settings.with_overrides({"fetch": {"allow_private": allow_private}}))
    assert info.value.code == "refused-url"
    assert "cannot be parsed" in str(info.value) and "\n" not in str(info.value)
