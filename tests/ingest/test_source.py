"""tests for sourcetrace.ingest.source: dispatch (path, "-", bytes, URL) and every bad-input code."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from sourcetrace.errors import INPUT_CODES, InputError
from sourcetrace.ingest import ingest, ingest_bytes, ingest_text


def _raises(code, fn, *args, **kwargs):
    with pytest.raises(InputError) as info:
        fn(*args, **kwargs)
    assert info.value.code == code
    assert code in INPUT_CODES or code == "bad-input"
    message = str(info.value)
    assert "\n" not in message and len(message) < 300  # one line: what we got, what is allowed, what to try
    return message


def test_source_path_and_str_path(settings, seed_path):
    by_path = ingest(seed_path, settings)
    by_str = ingest(str(seed_path), settings, name="seed")
    assert by_path.text == by_str.text
    assert by_str.id == "seed"
    assert by_path.document.source == str(seed_path)
    assert by_path.document.format == "text"
    assert "\r" not in by_path.text


def test_source_stdin(settings, monkeypatch):
    data = "Stdin article: the bridge reopened on Friday, the city said.\r\n".encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article = ingest("-", settings)
    assert article.text == "Stdin article: the bridge reopened on Friday, the city said.\n"
    assert article.document.source == "-"


def test_source_stdin_too_large(settings, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 100)))
    _raises("too-large", ingest, "-", settings.with_overrides({"ingest": {"max_bytes": 100}}))


def test_source_missing_file(settings, tmp_path):
    message = _raises("not-found", ingest, tmp_path / "nope.txt", settings)
    assert "nope.txt" in message


def test_source_directory(settings, tmp_path):
    _raises("not-found", ingest, tmp_path, settings)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\u00a0\u2003\n".encode("utf-8")])
def test_source_empty(settings, tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    _raises("empty", ingest, path, settings)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", bytes(range(32)) * 50],
)
def test_source_binary(settings, tmp_path, data):
    path = tmp_path / "file.bin"
    path.write_bytes(data)
    _raises("binary", ingest, path, settings)


def test_source_too_large_checked_before_reading(settings, tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"A sentence of the article. " * 10)

    def no_read(self):
        raise AssertionError("a too-large file must be refused before it is read")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    message = _raises("too-large", ingest, path, settings.with_overrides({"ingest": {"max_bytes": 100}}))
    assert "270 bytes" in message and "100" in message


def test_source_too_large_bytes_and_text(settings):
    small = settings.with_overrides({"ingest": {"max_bytes": 50}})
    _raises("too-large", ingest_bytes, b"x" * 51, small)
    _raises("too-large", ingest_text, "x" * 51, small)


def test_source_undecodable(settings):
    _raises("undecodable", ingest_bytes, bytes(range(0x80, 0x100)) * 20, settings)


def test_source_html_sniffed_by_content_not_extension(settings, tmp_path, load_fixture):
    path = tmp_path / "saved-page.txt"  # an HTML page saved with the wrong extension
    path.write_text(load_fixture("ingest_malformed.html"), "utf-8")
    article = ingest(path, settings)
    assert article.document.format == "html"
    assert "<p>" not in article.text


def test_source_html_with_no_article(settings):
    _raises("no-article", ingest_bytes, b"<html><body><nav><a href='/'>Home</a></nav></body></html>", settings)


def test_source_bad_type(settings):
    _raises("bad-input", ingest, 42, settings)


def test_source_text_is_normalised_once(settings):
    article = ingest_bytes("Cafe\u0301 menu\r\nsecond line\x00.".encode("utf-8"), settings, name="n")
    assert article.text == "Café menu\nsecond line."
