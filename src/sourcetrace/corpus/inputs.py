"""Batch inputs (directories, globs, files, JSONL, WARC/WARC.gz) -> a lazy stream of `Item`s.

An Item is one article's id, raw payload and metadata; nothing is parsed until a worker ingests it
(`ingest_item`), so reading a 20,000-record WARC holds one record in memory at a time.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple
from urllib.parse import urlsplit

from ..errors import InputError
from ..model import Article
from ..settings import Settings

# Files a directory walk picks up as one article each (also with a .gz suffix); named files are always read.
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# 20 MiB, the default ingest.max_bytes: a payload above it is refused without being read whole.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
META_KEYS = ("url", "date", "site", "title")
GLOB_CHARS = "*?["


class Item(NamedTuple):
    """One input article: `data` is bytes (a file or WARC payload) or str (a JSONL `text`/`html`).

    `error` is (code, message) for a record that could not be read; it becomes a Failure row.
    """

    doc_id: str
    data: bytes | str | None
    meta: dict[str, str]
    error: tuple[str, str] | None = None


def check_inputs(inputs: Iterable[str | Path]) -> None:
    """Raise InputError (code not-found) when an input is neither an existing path nor a matching glob."""
    for inp in inputs:
        text = str(inp)
        if Path(text).exists():
            continue
        if any(ch in text for ch in GLOB_CHARS) and next(glob.iglob(text, recursive=True), None):
            continue
        raise InputError(f"no such file, directory or matching glob: {text}; check the path", code="not-found")


def iter_inputs(inputs: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article in `inputs`, lazily, in a stable order (directories and globs sorted by path)."""
    for inp in inputs:
        text = str(inp)
        path = Path(text)
        if path.is_dir():
            yield from _walk(path, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        elif any(ch in text for ch in GLOB_CHARS):
            for match in sorted(glob.iglob(text, recursive=True)):
                found = Path(match)
                yield from (_walk(found, max_bytes) if found.is_dir() else _read_file(found, max_bytes))
        else:
            yield Item(text, None, {"source": text}, ("not-found", f"no such file: {text}"))


def count_items(inputs: Iterable[str | Path]) -> int | None:
    """How many items `iter_inputs` will yield, without parsing anything; None when a WARC is among
    the inputs (only a full read can count its records). Used for the progress bar's total and ETA."""
    total = 0
    for inp in inputs:
        text = str(inp)
        path = Path(text)
        if path.is_dir():
            found = list(_walk_paths(path))
        elif path.exists():
            found = [path]
        else:
            found = [Path(m) for m in glob.iglob(text, recursive=True)]
        for f in found:
            kind = _kind(f.name)
            if kind == "warc":
                return None
            if kind == "jsonl":
                total += _count_lines(f)
            elif f.is_dir():
                n = count_items([f])
                if n is None:
                    return None
                total += n
            else:
                total += 1
    return total


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    n = 0
    with opener(path, "rb") as fh:
        for line in fh:
            n += bool(line.strip())
    return n


def _kind(name: str) -> str:
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(ARTICLE_SUFFIXES) or lower.removesuffix(".gz").endswith(ARTICLE_SUFFIXES):
        return "article"
    return "other"


def _walk_paths(root: Path) -> Iterator[Path]:
    """Input files under `root`, sorted, hidden files and directories skipped."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith(".") and _kind(name) != "other":
                yield Path(dirpath) / name


def _walk(root: Path, max_bytes: int) -> Iterator[Item]:
    for path in _walk_paths(root):
        yield from _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    kind = _kind(path.name)
    if kind == "jsonl":
        yield from _read_jsonl(path)
    elif kind == "warc":
        yield from _read_warc(path, max_bytes)
    else:
        yield _read_article(path, max_bytes)


def _read_article(path: Path, max_bytes: int) -> Item:
    doc_id = str(path)
    meta = {"source": doc_id}
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)  # bounded: a gzip bomb is never inflated whole
        elif path.stat().st_size > max_bytes:
            return Item(doc_id, None, meta, ("too-large", f"{doc_id} is larger than {max_bytes} bytes"))
        else:
            data = path.read_bytes()
    except (OSError, EOFError) as exc:
        return Item(doc_id, None, meta, ("not-found", f"cannot read {doc_id}: {exc}"))
    if len(data) > max_bytes:
        return Item(doc_id, None, meta, ("too-large", f"{doc_id} is larger than {max_bytes} bytes"))
    return Item(doc_id, data, meta)


def _read_jsonl(path: Path) -> Iterator[Item]:
    """One article per line: `id`, `text` or `html`, optional `url`, `date`, `site`, `title`."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except ValueError as exc:
                yield Item(where, None, {"source": where}, ("bad-input", f"{where} is not valid JSON: {exc}"))
                continue
            if not isinstance(obj, dict):
                yield Item(where, None, {"source": where}, ("bad-input", f"{where} is not a JSON object"))
                continue
            doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else where
            meta = {k: obj[k] for k in META_KEYS if isinstance(obj.get(k), str) and obj[k]}
            meta["source"] = where
            data = obj.get("html") if isinstance(obj.get("html"), str) else obj.get("text")
            if not isinstance(data, str):
                yield Item(doc_id, None, meta, ("empty", f"{where} has no 'text' or 'html' string"))
                continue
            yield Item(doc_id, data, meta)


def _read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """HTML/text response (and resource) records with a 2xx status; requests, metadata and media are skipped."""
    from warcio.archiveiterator import ArchiveIterator  # only batch runs over WARC need warcio

    n = 0
    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                headers = record.http_headers if record.rec_type == "response" else None
                if headers is not None:
                    status = headers.get_statuscode() or ""
                    if not status.startswith("2"):
                        continue
                    content_type = headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                if content_type and not any(t in content_type.lower() for t in ("html", "text/plain")):
                    continue
                doc_id = record.rec_headers.get_header("WARC-Record-ID") or f"{path}#{n}"
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                meta = {"source": str(path), "content_type": content_type}
                if url:
                    meta["url"] = url
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield Item(doc_id, None, meta, ("too-large", f"WARC record {doc_id} is larger than {max_bytes} bytes"))
                    continue
                yield Item(doc_id, data, meta)
        except Exception as exc:  # noqa: BLE001 - a corrupt WARC tail loses that file's rest, not the batch
            where = f"{path}#after-{n}"
            yield Item(where, None, {"source": str(path)}, ("bad-input", f"{path}: WARC read failed after record {n}: {exc}"))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def ingest_item(item: Item, settings: Settings) -> Article:
    """The ingested Article for `item`, with `id` = doc_id and the input's metadata on `document`.

    Metadata given with the input (JSONL fields, the WARC target URI) wins over what the page says.
    Raises InputError for an item that could not be read or ingested.
    """
    from ..ingest import ingest_bytes, ingest_text  # heavy (trafilatura); only workers need it

    if item.error is not None:
        raise InputError(item.error[1], code=item.error[0])
    meta = item.meta
    if isinstance(item.data, str):
        article = ingest_text(item.data, settings, name=item.doc_id)
    elif isinstance(item.data, bytes):
        article = ingest_bytes(item.data, settings, name=item.doc_id, url=meta.get("url"),
                               content_type=meta.get("content_type") or None)
    else:
        raise InputError(f"{item.doc_id} has no payload", code="empty")
    document = article.document
    updates: dict[str, str] = {k: meta[k] for k in META_KEYS if meta.get(k)}
    if not updates.get("site") and not document.site:
        site = _host(updates.get("url") or document.url)
        if site:
            updates["site"] = site
    updates["source"] = meta.get("source") or item.doc_id
    return replace(article, id=item.doc_id, document=replace(document, **updates))
