"""The evaluation gate: floors, ceilings, the pinned corpus SHA, and explicit re-baselining."""

from __future__ import annotations

import json

import pytest

from sourcetrace.errors import ConfigError
from sourcetrace.eval.attributions import METRICS
from sourcetrace.eval.gate import baseline_entry, check_gate, task_of, write_baseline


def attribution_scores(f1: float = 0.6, sha: str = "a" * 64) -> dict:
    metric = {"gold": 10, "pred": 10, "tp_pred": 6, "tp_gold": 6, "precision": f1, "recall": f1, "f1": f1}
    return {"info": {"articles": 1}, "metrics": {m: dict(metric) for m in METRICS}, "corpus_sha256": sha}


def reference_scores(error_rate: float = 0.05, sha: str = "b" * 64) -> dict:
    field = {"support": 500, "precision": 0.9, "recall": 0.9, "f1": 0.9}
    return {
        "token_error_rate": error_rate,
        "sequence_error_rate": 0.3,
        "macro_f1": 0.8,
        "span_micro_f1": 0.7,
        "fields": {"title": dict(field), "doi": dict(field, support=3)},
        "corpus_sha256": sha,
    }


def test_gate_infers_task():
    assert task_of(attribution_scores()) == "attributions"
    assert task_of(reference_scores()) == "references"
    with pytest.raises(ConfigError):
        task_of({"x": 1})


def test_gate_passes_on_the_measured_scores(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(attribution_scores(), path, "synthetic")
    write_baseline(reference_scores(), path, "synthetic refs")
    assert check_gate(attribution_scores(), path) == []
    assert check_gate(reference_scores(), path) == []
    baseline = json.loads(path.read_text("utf-8"))
    assert baseline["attributions"]["floors"]["metrics.relation.f1"] == pytest.approx(0.585)
    assert baseline["references"]["ceilings"]["token_error_rate"] == pytest.approx(0.065)
    assert "fields.title.f1" in baseline["references"]["floors"]
    assert "fields.doi.f1" not in baseline["references"]["floors"]  # too little support to gate
    assert baseline["references"]["floors"]["fields.title.f1"] == pytest.approx(0.87)  # twice the margin


@pytest.mark.parametrize(
    "scores, expected",
    [
        (attribution_scores(f1=0.59), []),  # inside the margin
        (attribution_scores(f1=0.55), ["metrics.relation.f1 = 0.5500 is below its floor 0.5850"]),
        (reference_scores(error_rate=0.07), ["token_error_rate = 0.0700 is above its ceiling 0.0650"]),
    ],
)
def test_gate_reports_regressions(tmp_path, scores, expected):
    path = tmp_path / "baseline.json"
    write_baseline(attribution_scores(), path, "synthetic")
    write_baseline(reference_scores(), path, "synthetic refs")
    failures = check_gate(scores, path)
    for message in expected:
        assert any(message in f for f in failures), failures
    assert bool(failures) == bool(expected)


def test_gate_fails_when_the_corpus_changed(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(attribution_scores(), path, "synthetic")
    failures = check_gate(attribution_scores(f1=0.99, sha="c" * 64), path)
    assert len(failures) == 1 and "corpus changed" in failures[0] and "re-baseline" in failures[0]


def test_gate_fails_without_a_baseline(tmp_path):
    failures = check_gate(attribution_scores(), tmp_path / "missing.json")
    assert failures and "no baseline" in failures[0]


def test_gate_fails_when_a_gated_figure_is_missing(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(attribution_scores(), path, "synthetic")
    scores = attribution_scores()
    del scores["metrics"]["direct_relation"]
    assert check_gate(scores, path) == [
        "attributions: metrics.direct_relation.f1 is missing from the scores (floor 0.5850)"
    ]


def test_gate_rebaseline_never_lowers_floors_silently(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(attribution_scores(f1=0.6), path, "synthetic")
    with pytest.raises(ConfigError, match="lower the bar"):
        write_baseline(attribution_scores(f1=0.5), path, "synthetic")
    assert json.loads(path.read_text("utf-8"))["attributions"]["floors"]["metrics.relation.f1"] == pytest.approx(0.585)
    write_baseline(attribution_scores(f1=0.5), path, "synthetic", allow_lower=True)
    assert check_gate(attribution_scores(f1=0.5), path) == []
    # a new corpus may set any floors: its SHA is what changed
    write_baseline(attribution_scores(f1=0.3, sha="d" * 64), path, "new corpus")
    assert check_gate(attribution_scores(f1=0.3, sha="d" * 64), path) == []


def test_gate_floors_round_down():
    entry = baseline_entry(attribution_scores(f1=0.61239), "x")
    assert entry["floors"]["metrics.relation.f1"] == 0.5973
    assert entry["measured"]["metrics.relation.f1"] == 0.6124
