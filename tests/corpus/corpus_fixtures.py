"""Helpers for the corpus tests: a tiny test-only stage list (importable by worker processes, no
models, no globals), fixture document and WARC writers.

Triggers in the text: BOOM raises (a failure row), SLOW sleeps (a timeout), CRASH kills the worker.
"""

from __future__ import annotations

import io
import os
import re
import time
from dataclasses import replace
from pathlib import Path

from sourcetrace.model import Attribution, Finding, Mention, Region, Span, Speaker
from sourcetrace.pipeline import Stage
from sourcetrace.store import Store

RE_QUOTE = re.compile(r'"([^"]+)",? said ([A-Z][a-z]+(?: [A-Z][a-z]+)?)')


def body(article, settings):
    return replace(article, regions=(Region(0, len(article.text), "body"),))


def quotes(article, settings):
    text = article.text
    if "BOOM" in text:
        raise ValueError("boom in the text")
    if "SLOW" in text:
        time.sleep(30)
    if "CRASH" in text:
        os._exit(3)
    speakers: dict[str, Speaker] = {}
    attributions = []
    for n, m in enumerate(RE_QUOTE.finditer(text), 1):
        name = m.group(2)
        sid = speakers[name].id if name in speakers else f"s{len(speakers) + 1}"
        mention = Mention(m.start(2), m.end(2))
        old = speakers.get(name)
        speakers[name] = Speaker(sid, name, (old.mentions if old else ()) + (mention,))
        attributions.append(
            Attribution(f"q{n}", "direct", (Span(m.start(1) - 1, m.end(1) + 1),),
                        source=Span(m.start(2), m.end(2)), speaker=sid)
        )
    findings = tuple(
        Finding("unsourced-quote", "warning", "no reference", attributions=(a.id,)) for a in attributions
    )
    return replace(article, attributions=tuple(attributions), speakers=tuple(speakers.values()), findings=findings)


STAGES = (
    Stage("body", body, (), ("regions",)),
    Stage("quotes", quotes, ("regions",), ("attributions", "speakers", "findings")),
)


def nap(article, settings):
    """A stage that takes a while, so a batch can be killed in the middle of it."""
    time.sleep(0.05)
    return article


NAP_STAGES = STAGES + (Stage("nap", nap, ("regions",), ()),)


def dawdle(article, settings):
    """A stage that takes 1.5 s on a text holding DAWDLE: slow, but not stuck, so a cooperative time
    limit checked between stages can stop the document."""
    if "DAWDLE" in article.text:
        time.sleep(1.5)
    return article


DAWDLE_STAGES = (STAGES[0], Stage("dawdle", dawdle, ("regions",), ()), STAGES[1])


def write_warc(path, records) -> None:
    """A WARC.gz of (kind, url, status, content_type, body) records, written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for kind, url, status, content_type, body in records:
            if kind == "response":
                http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                   http_headers=http)
            else:
                record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), length=len(body),
                                                   warc_content_type=content_type)
            writer.write_record(record)


def make_docs(directory: Path, n: int, *, extra: dict[str, str] | None = None) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(n):
        path = directory / f"doc{i:04d}.txt"
        path.write_text(f'"Statement number {i} stands," said Ann Lee. "Another one," said Lee.\n')
        ids.append(str(path))
    for name, text in (extra or {}).items():
        (directory / name).write_text(text)
        ids.append(str(directory / name))
    return ids


def stored(db: Path) -> tuple[list[str], list[str]]:
    with Store(db, read_only=True) as store:
        _, docs = store.query("SELECT id FROM documents")
        _, failures = store.query("SELECT doc_id FROM failures")
    return [r[0] for r in docs], [r[0] for r in failures]
