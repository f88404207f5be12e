"""Live link checks of URLs that urlsplit or httpx cannot parse: "unknown", never an exception that
would lose the other URLs' results; none of them reaches DNS or a socket."""

import pytest

from sourcetrace.references.liveness import check_urls


@pytest.mark.parametrize(
    ("url", "allow_private"),
    [
        ("http://127.0.0.1:99999/", False),
        ("http://127.0.0.1:99999/", True),
        ("http://\u2100.example/", False),
        ("http://xn--zz.example/", True),  # an invalid IDNA A-label: httpx refuses to send it
    ],
)
def test_liveness_unparsable_url_is_unknown(settings, url, allow_private):
    checked = settings.with_overrides({"fetch": {"allow_private": allow_private}, "links": {"timeout": 1.0}})
    result = check_urls([url], checked)[url]
    assert (result.status, result.reason) == ("unknown", "the URL cannot be parsed")
