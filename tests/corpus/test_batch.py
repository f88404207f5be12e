"""The batch runner: failures as rows, resume, duplicates, worker crashes, timeouts, and kill -9.

Uses a test-only stage list (corpus_stages.py) with the real ingest, so it runs without models.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sourcetrace.corpus import run_batch
from sourcetrace.store import Store

from .corpus_fixtures import STAGES, make_docs, stored, write_warc

TESTS = Path(__file__).resolve().parent.parent  # on sys.path (tests/corpus is a package)


def test_batch_bad_document_becomes_failure_row(tmp_path):
    make_docs(tmp_path / "in", 5, extra={"bad.txt": "BOOM goes the stage", "empty.txt": "   \n"})
    db = tmp_path / "c.duckdb"
    counts = run_batch([tmp_path / "in"], db, jobs=1, stages=STAGES, progress=False, batch_size=3)
    assert (counts.read, counts.documents, counts.failures) == (7, 5, 2)
    with Store(db, read_only=True) as store:
        _, failures = store.query("SELECT doc_id, stage, code, message FROM failures ORDER BY doc_id")
        _, quotes = store.query("SELECT count(*), count(DISTINCT article_id) FROM attributions")
    assert [(Path(f[0]).name, f[1], f[2]) for f in failures] == [("bad.txt", "pipeline", "internal"), ("empty.txt", "ingest", "empty")]
    assert "ValueError: boom" in failures[0][3]
    assert quotes == [(10, 5)]


def test_batch_progress_goes_to_stderr(tmp_path, capsys):
    make_docs(tmp_path / "in", 3)
    counts = run_batch([tmp_path / "in"], tmp_path / "c.duckdb", jobs=1, stages=STAGES, progress=True)
    captured = capsys.readouterr()
    assert counts.documents == 3
    assert captured.out == ""
    assert "articles/s" in captured.err


def test_batch_resume_skips_stored_ids(tmp_path):
    make_docs(tmp_path / "in", 6, extra={"bad.txt": "BOOM"})
    db = tmp_path / "c.duckdb"
    first = run_batch([tmp_path / "in"], db, jobs=1, stages=STAGES, progress=False)
    (tmp_path / "in" / "new.txt").write_text('"Fresh," said Bo Chan.')
    second = run_batch([tmp_path / "in"], db, jobs=1, stages=STAGES, progress=False)
    assert (first.documents, first.failures) == (6, 1)
    assert (second.read, second.skipped, second.documents, second.failures) == (8, 7, 1, 0)
    docs, failures = stored(db)
    assert len(docs) == len(set(docs)) == 7 and len(failures) == 1


def test_batch_without_resume_replaces_rows(tmp_path):
    make_docs(tmp_path / "in", 3)
    db = tmp_path / "c.duckdb"
    run_batch([tmp_path / "in"], db, jobs=1, stages=STAGES, progress=False)
    again = run_batch([tmp_path / "in"], db, jobs=1, stages=STAGES, progress=False, resume=False)
    assert again.documents == 3
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert (counts["documents"], counts["attributions"]) == (3, 6)


def test_batch_mixed_inputs_and_duplicate_ids(tmp_path, load_fixture):
    make_docs(tmp_path / "dir", 2)
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in [
        {"id": "j1", "text": '"Yes," said Cy Dow.', "site": "jsonl.example", "date": "2022-01-05"},
        {"id": "j1", "text": "a duplicate id: skipped"},
        {"id": "j2", "html": "<html><body><p>BOOM</p></body></html>"},
    ]) + "\n")
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("response", "https://www.town.example/bridge", "200 OK", "text/html",
                       load_fixture("corpus_page.html").encode())])
    db = tmp_path / "c.duckdb"
    counts = run_batch([tmp_path / "dir", jsonl, warc], db, jobs=1, stages=STAGES, progress=False)
    assert (counts.read, counts.duplicates, counts.documents, counts.failures) == (6, 1, 4, 1)
    with Store(db, read_only=True) as store:
        _, rows = store.query("SELECT id, site, date, format FROM documents WHERE site IS NOT NULL ORDER BY id")
        _, quotes = store.query("SELECT speaker FROM attributions a JOIN documents d ON d.id = a.article_id "
                                "WHERE d.format = 'html' ORDER BY content_start")
    assert ("j1", "jsonl.example", "2022-01-05", "text") in rows
    assert any(r[1] == "town.example" and r[3] == "html" for r in rows)
    assert quotes == [("Mara Quill",), ("Tomas Brand",)]


def test_batch_processes_survive_crash_and_timeout(tmp_path):
    make_docs(tmp_path / "in", 20, extra={"crash.txt": "CRASH the worker", "slow.txt": "SLOW document"})
    db = tmp_path / "c.duckdb"
    counts = run_batch([tmp_path / "in"], db, jobs=2, stages=STAGES, progress=False, chunk_size=3, timeout=1.0)
    assert (counts.documents, counts.failures) == (20, 2)
    with Store(db, read_only=True) as store:
        _, failures = store.query("SELECT doc_id, stage, code FROM failures ORDER BY doc_id")
    assert [(Path(f[0]).name, f[1], f[2]) for f in failures] == [
        ("crash.txt", "worker", "worker-crashed"), ("slow.txt", "pipeline", "timeout")]
    docs, _ = stored(db)
    assert len(docs) == len(set(docs)) == 20


KILLED_RUN = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from corpus.corpus_fixtures import NAP_STAGES
    from sourcetrace.corpus import run_batch

    if __name__ == "__main__":
        run_batch([{inputs!r}], {db!r}, jobs=2, stages=NAP_STAGES, progress=False, batch_size=10, chunk_size=2)
""")


@pytest.mark.issue(6)
def test_batch_kill_9_then_rerun_stores_each_input_once(tmp_path):
    ids = make_docs(tmp_path / "in", 200, extra={"bad.txt": "BOOM"})
    db = tmp_path / "c.duckdb"
    script = tmp_path / "run.py"
    script.write_text(KILLED_RUN.format(tests=str(TESTS), inputs=str(tmp_path / "in"), db=str(db)))
    # 200 documents at 50 ms each over 2 workers take ~5 s: the kill lands in the middle.
    proc = subprocess.Popen([sys.executable, str(script)], start_new_session=True)
    time.sleep(3.0)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the pool workers of the killed run (same session)
    except ProcessLookupError:
        pass
    assert proc.returncode == -signal.SIGKILL
    partial_docs, partial_failures = stored(db)
    assert len(partial_docs) + len(partial_failures) < len(ids)  # it was stopped before the end
    counts = run_batch([tmp_path / "in"], db, jobs=1, stages=STAGES, progress=False)
    docs, failures = stored(db)
    assert sorted(docs + failures) == sorted(ids)  # every input exactly once
    assert counts.skipped == len(partial_docs) + len(partial_failures)
    with Store(db, read_only=True) as store:
        _, orphans = store.query("SELECT count(*) FROM attributions WHERE article_id NOT IN (SELECT id FROM documents)")
    assert orphans == [(0,)]
