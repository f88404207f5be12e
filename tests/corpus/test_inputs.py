"""Batch inputs: directory walks, globs, JSONL and WARC files -> Items, read lazily."""

from __future__ import annotations

import gzip
import json

import pytest

from sourcetrace.corpus.inputs import Item, check_inputs, count_items, ingest_item, iter_inputs
from sourcetrace.errors import InputError

from .corpus_fixtures import write_warc


def test_inputs_directory_walk_sorted_and_filtered(tmp_path):
    (tmp_path / "b.txt").write_text("second")
    (tmp_path / "a.html").write_text("<p>first</p>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html.gz").write_bytes(gzip.compress(b"<p>third</p>"))
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    items = list(iter_inputs([tmp_path]))
    assert [i.doc_id for i in items] == [str(tmp_path / n) for n in ("a.html", "b.txt", "sub/c.html.gz")]
    assert items[2].data == b"<p>third</p>"
    assert items[0].meta["source"] == str(tmp_path / "a.html")


def test_inputs_glob_and_named_file(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name)
    (tmp_path / "notes.dat").write_text("named files are read whatever their suffix")
    items = list(iter_inputs([str(tmp_path / "x*.txt"), tmp_path / "notes.dat"]))
    assert [i.doc_id.rsplit("/", 1)[-1] for i in items] == ["x1.txt", "x2.txt", "notes.dat"]


def test_inputs_jsonl_fields_and_bad_lines(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "n1", "text": "Plain text.", "url": "https://news.example.com/1", "date": "2021-05-01", "site": "Example"}),
        "",
        "{not json",
        json.dumps({"html": "<p>no id</p>"}),
        json.dumps({"id": "n4", "title": "no body"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(iter_inputs([path]))
    assert [i.doc_id for i in items] == ["n1", f"{path}:3", f"{path}:4", "n4", f"{path}:6"]
    assert items[0] == Item("n1", "Plain text.", {"url": "https://news.example.com/1", "date": "2021-05-01",
                                                  "site": "Example", "source": f"{path}:1"})
    assert items[1].error[0] == "bad-input"
    assert items[2].data == "<p>no id</p>" and items[2].error is None
    assert items[3].error[0] == "empty"
    assert items[4].error[0] == "bad-input"


def test_inputs_jsonl_gz(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "z", "text": "t"}).encode() + b"\n"))
    assert [(i.doc_id, i.data) for i in iter_inputs([path])] == [("z", "t")]


def test_inputs_warc_keeps_html_responses_only(tmp_path, load_fixture):
    path = tmp_path / "crawl.warc.gz"
    page = load_fixture("corpus_page.html").encode()
    write_warc(path, [
        ("response", "https://www.town.example/bridge", "200 OK", "text/html; charset=utf-8", page),
        ("response", "https://www.town.example/missing", "404 Not Found", "text/html", b"<p>gone</p>"),
        ("response", "https://www.town.example/logo.png", "200 OK", "image/png", b"\x89PNG..."),
        ("request", "https://www.town.example/bridge", None, "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"),
        ("resource", "file:///notes.txt", None, "text/plain", b"A plain resource record."),
    ])
    items = list(iter_inputs([path]))
    assert [i.meta.get("url") for i in items] == ["https://www.town.example/bridge", "file:///notes.txt"]
    assert items[0].data == page
    assert items[0].doc_id.startswith("<urn:uuid:")
    assert items[0].meta["content_type"].startswith("text/html")


def test_inputs_corrupt_warc_tail_becomes_error_item(tmp_path):
    good, path = tmp_path / "good.warc.gz", tmp_path / "broken.warc.gz"
    write_warc(good, [("response", "https://a.example/1", "200 OK", "text/html", b"<p>one</p>")])
    path.write_bytes(good.read_bytes() + b"this is not a WARC record\r\n\r\n" + good.read_bytes())
    items = list(iter_inputs([path]))
    assert items[0].data == b"<p>one</p>"
    assert len(items) == 2
    assert items[1].doc_id.startswith(f"{path}#after-")
    assert items[1].error[0] == "bad-input"


def test_inputs_missing_input_is_input_error(tmp_path):
    with pytest.raises(InputError) as info:
        check_inputs([tmp_path / "nope.txt"])
    assert info.value.code == "not-found"
    (tmp_path / "a.txt").write_text("a")
    check_inputs([tmp_path, str(tmp_path / "*.txt")])  # an existing dir and a matching glob pass
    with pytest.raises(InputError):
        check_inputs([str(tmp_path / "*.html")])  # a glob matching nothing


def test_inputs_oversized_file_is_refused_unread(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 100)
    [item] = iter_inputs([tmp_path / "big.txt"], max_bytes=50)
    assert item.data is None and item.error[0] == "too-large"


def test_inputs_ingest_item_applies_metadata(settings):
    item = Item("n1", "Officials met on Monday. The meeting ran late.",
                {"url": "https://www.news.example/a", "date": "2021-05-01", "source": "f.jsonl:1"})
    article = ingest_item(item, settings)
    assert article.id == "n1"
    assert (article.document.url, article.document.date, article.document.site, article.document.source) == (
        "https://www.news.example/a", "2021-05-01", "news.example", "f.jsonl:1")


def test_inputs_ingest_item_raises_for_error_item(settings):
    with pytest.raises(InputError) as info:
        ingest_item(Item("x", None, {}, ("bad-input", "x is not valid JSON")), settings)
    assert info.value.code == "bad-input"


def test_inputs_count_items_matches_iteration(tmp_path):
    (tmp_path / "d").mkdir()
    for name in ("a.txt", "b.html", ".hidden.txt", "c.png"):
        (tmp_path / "d" / name).write_text("x")
    (tmp_path / "d" / "lines.jsonl").write_text('{"id": 1, "text": "a"}\n\n{"id": 2, "text": "b"}\n')
    inputs = [tmp_path / "d", str(tmp_path / "d" / "*.txt")]
    assert count_items(inputs) == len(list(iter_inputs(inputs))) == 5
    write_warc(tmp_path / "d" / "w.warc.gz", [("resource", "file:///x", None, "text/plain", b"x")])
    assert count_items(inputs) is None  # WARC records cannot be counted without reading them
