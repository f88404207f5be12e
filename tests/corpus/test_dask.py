"""The Dask engine on a LocalCluster of two workers: same rows as the local runner, resume, failures."""

from __future__ import annotations

import pytest

from sourcetrace.store import Store

from .corpus_fixtures import DAWDLE_STAGES, STAGES, make_docs, stored

pytest.importorskip("distributed")

from sourcetrace.corpus.dask import run_dask  # noqa: E402 - after the importorskip


def test_dask_local_cluster_matches_local_runner(tmp_path):
    from sourcetrace.corpus import run_batch

    ids = make_docs(tmp_path / "in", 30, extra={"bad.txt": "BOOM"})
    db = tmp_path / "dask.duckdb"
    counts = run_dask([tmp_path / "in"], db, n_workers=2, processes=False, partition_size=7,
                      stages=STAGES, progress=False)
    assert (counts.documents, counts.failures) == (30, 1)
    docs, failures = stored(db)
    assert sorted(docs + failures) == sorted(ids)
    assert [f.rsplit("/", 1)[-1] for f in failures] == ["bad.txt"]

    local = tmp_path / "local.duckdb"
    run_batch([tmp_path / "in"], local, jobs=1, stages=STAGES, progress=False)
    query = "SELECT article_id, id, speaker, content_text FROM attributions ORDER BY article_id, id"
    with Store(db, read_only=True) as a, Store(local, read_only=True) as b:
        assert a.query(query) == b.query(query)
        assert a.counts() == b.counts()
    assert not list(tmp_path.glob(".sourcetrace-parts-*"))  # partitions are removed once loaded


def test_dask_resume_and_kept_parquet(tmp_path):
    make_docs(tmp_path / "in", 8)
    db = tmp_path / "dask.duckdb"
    run_dask([tmp_path / "in"], db, n_workers=2, processes=False, partition_size=3, stages=STAGES,
             progress=False, parquet_dir=tmp_path / "parts", keep_parquet=True)
    assert len(list((tmp_path / "parts").glob("part-*/documents.parquet"))) == 3
    (tmp_path / "in" / "late.txt").write_text('"Late," said Di Ray.')
    again = run_dask([tmp_path / "in"], db, n_workers=2, processes=False, stages=STAGES, progress=False)
    assert (again.skipped, again.documents) == (8, 1)
    docs, _ = stored(db)
    assert len(docs) == len(set(docs)) == 9


def test_dask_exiting_ingest_becomes_failure_rows(tmp_path):
    """Even SystemExit from third-party code is one failure row per document, not a stopped run."""
    make_docs(tmp_path / "in", 4)

    def broken_ingest(item, settings):
        raise SystemExit("a library that calls sys.exit")

    db = tmp_path / "dask.duckdb"
    counts = run_dask([tmp_path / "in"], db, n_workers=2, processes=False, stages=STAGES, ingest=broken_ingest,
                      progress=False)
    assert (counts.documents, counts.failures) == (0, 4)
    with Store(db, read_only=True) as store:
        _, rows = store.query("SELECT DISTINCT stage, code FROM failures")
    assert rows == [("ingest", "internal")]


def test_dask_killed_worker_becomes_failure_rows(tmp_path):
    """A document that kills its worker process (KilledWorker) is recorded as failed, and so is any
    document that was running beside it on that worker; every document ends up stored exactly once."""
    import dask

    ids = make_docs(tmp_path / "in", 3, extra={"crash.txt": "CRASH"})
    db = tmp_path / "dask.duckdb"
    # fail a task at its first killed worker instead of retrying it on fresh ones (keeps the test short)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        counts = run_dask([tmp_path / "in"], db, n_workers=1, processes=True, partition_size=1, stages=STAGES,
                          progress=False)
    docs, failures = stored(db)
    assert sorted(docs + failures) == sorted(ids) and len(set(docs + failures)) == len(ids)
    assert any(f.endswith("crash.txt") for f in failures) and not any(d.endswith("crash.txt") for d in docs)
    assert (counts.documents, counts.failures) == (len(docs), len(failures)) and counts.documents >= 1
    with Store(db, read_only=True) as store:
        _, rows = store.query("SELECT stage FROM failures")
        assert {row[0] for row in rows} == {"worker"}


def test_dask_threads_stop_a_slow_document_between_stages(tmp_path):
    """Worker threads cannot be interrupted by a signal: the per-document time limit is checked between
    stages, so a slow document becomes a `timeout` failure and the others are stored."""
    ids = make_docs(tmp_path / "in", 3, extra={"slow.txt": "DAWDLE along"})
    db = tmp_path / "dask.duckdb"
    counts = run_dask([tmp_path / "in"], db, n_workers=1, processes=False, partition_size=2, stages=DAWDLE_STAGES,
                      progress=False, timeout=0.5)
    assert (counts.documents, counts.failures) == (3, 1)
    docs, failures = stored(db)
    assert sorted(docs + failures) == sorted(ids)
    with Store(db, read_only=True) as store:
        _, rows = store.query("SELECT stage, code FROM failures")
    assert rows == [("pipeline", "timeout")]
