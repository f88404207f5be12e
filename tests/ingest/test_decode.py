"""tests for sourcetrace.ingest.decode: binary sniffing, encoding detection, normalisation, HTML sniffing."""

from __future__ import annotations

import codecs

import pytest

from sourcetrace.errors import InputError
from sourcetrace.ingest import ingest_bytes
from sourcetrace.ingest.decode import decode_bytes, looks_binary, looks_like_html, normalize_text

FRENCH = "Le café crème coûtait deux euros à la gare de Genève. Les élèves étaient très déçus.\n" * 3


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>", True),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, True),
        (bytes(range(0, 32)) * 10, True),
        (b"A plain sentence.\nAnother one, with a tab\tand a form feed\f.", False),
        (codecs.BOM_UTF16_LE + "UTF-16 text".encode("utf-16-le"), False),
    ],
)
def test_decode_looks_binary(data, expected):
    assert looks_binary(data, 0.05) is expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (FRENCH.encode("utf-8"), "Genève"),
        (FRENCH.encode("latin-1"), "Genève"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "Genève"),
        (codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), "Genève"),
        (codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), "Genève"),
        ("Москва - столица России, крупнейший город страны. ".encode("koi8-r") * 3, "Москва"),
    ],
)
def test_decode_detects_encoding(data, expected):
    text, _ = decode_bytes(data)
    assert expected in text
    assert not text.startswith("\ufeff")


def test_decode_meta_charset_wins_over_guessing():
    # "Ÿ" is 0x9f in cp1252; the page declares windows-1252, so it must not be read as UTF-8 or cp949
    page = '<html><head><meta charset="windows-1252"></head><body><p>Ÿ café</p></body></html>'
    text, encoding = decode_bytes(page.encode("cp1252"))
    assert encoding == "cp1252"
    assert "Ÿ café" in text


def test_decode_header_charset_used():
    text, encoding = decode_bytes("naïve".encode("latin-1"), content_type="text/plain; charset=ISO-8859-1")
    assert text == "naïve"


def test_decode_undecodable_raises():
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(range(0x80, 0x100)) * 20)
    assert info.value.code == "undecodable"
    assert "\n" not in str(info.value)


def test_decode_latin1_file_bytes_ingest_to_text(settings):
    article = ingest_bytes(FRENCH.encode("latin-1"), settings, name="latin1.txt")
    assert article.text.startswith("Le café crème")
    assert article.document.format == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
        ("cafe\u0301", "café"),  # NFD -> NFC
        ("nul\x00byte", "nulbyte"),
        ("para\u2029next", "para\nnext"),
    ],
)
def test_decode_normalize_text(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("  \n<html lang='en'><head></head></html>", True),
        ("<div><p>one</p><p>two</p><p>three</p><a href='x'>four</a></div>", True),
        ("In HTML, a paragraph is written <p>like this</p>.", False),
        ("Home » Section » A plain text article", False),
    ],
)
def test_decode_looks_like_html(text, expected):
    assert looks_like_html(text) is expected
