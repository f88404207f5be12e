import pytest

from sourcetrace.references.urls import classify_url, find_urls


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Disney, Patrick. *Foreign Policy*. 22 September 2010. Web. 1 Nov 2010. <", [("", "truncated")]),
        ("website: http://www.unhcr.org/refworld/pdfid/4ac9c2c52.pdf.", [("http://www.unhcr.org/refworld/pdfid/4ac9c2c52.pdf", "ok")]),
        ("Retrieved from https://", [("https://", "truncated")]),
        ("Accessed at http://www.", [("http://www.", "truncated")]),
        ("See www.shoreline.example/opinion/who-pays…", [("www.shoreline.example/opinion/who-pays…", "truncated")]),
        ("See <http://www.thenation.com/article/15...", [("http://www.thenation.com/article/15...", "truncated")]),
        ("Web. 3 May 2019. <https://www.example.com/news/story", [("https://www.example.com/news/story", "truncated")]),
        ("Web. 3 May 2019. <https://www.example.com/news/story>.", [("https://www.example.com/news/story", "ok")]),
        ("Available at: https://www.example.com/ (Accessed: 3 May 2019).", [("https://www.example.com/", "truncated")]),
        ("Retrieved from netLibrary: http://www.netlibrary.com", [("http://www.netlibrary.com", "ok")]),
        ("[Online]. Available: https://www.example.org", [("https://www.example.org", "truncated")]),
        ("[Online]. Available: https://www.example.org/report.pdf", [("https://www.example.org/report.pdf", "ok")]),
        ("URL: http://example.net/ [accessed 2 May 2019]", [("http://example.net/", "truncated")]),
        ("Full text online at www.example.org.", [("www.example.org", "truncated")]),
        ("The Example Review, www.example.org.", [("www.example.org", "ok")]),
        ("Curl: http://example.net/", [("http://example.net/", "ok")]),
        ("Online: http://exa mple", [("http://exa", "malformed")]),
        ("Online: http://-bad-.com/x", [("http://-bad-.com/x", "malformed")]),
        ("Council minutes, 2021.", []),
        ("(see https://en.wikipedia.org/wiki/Foo_(bar)).", [("https://en.wikipedia.org/wiki/Foo_(bar)", "ok")]),
    ],
)
def test_urls_classifies_each_url(entry, expected):
    assert [(u.url, u.status) for u in find_urls(entry)] == expected


def test_urls_offsets_point_into_the_article():
    text = "xxxx [1] Foo. Web. <"
    [url] = find_urls(text[9:], 9)
    assert text[url.start : url.end] == "<" and url.status == "truncated"


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://example.org/a", "ok"), ("ftp://files.example.org/x.zip", "ok"), ("mailto:x@example.org", "malformed"),
     ("", "truncated"), ("http://", "truncated")],
)
def test_urls_classify_url(url, expected):
    assert classify_url(url) == expected
