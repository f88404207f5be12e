"""Evaluation gate: sourcetrace on PolNeAR dev and the held-out reference sets must stay above the
floors pinned in tests/eval_baseline.json, on the very corpus (SHA-256) they were measured on.

Re-baseline explicitly (and review the diff of tests/eval_baseline.json):
    SOURCETRACE_REBASELINE=1 .venv/bin/python -m pytest tests/test_eval_gate.py
`SOURCETRACE_REBASELINE=allow-lower` is needed to lower a floor on an unchanged corpus. See docs/eval.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sourcetrace.errors import ModelError
from sourcetrace.eval import check_gate, evaluate_attributions, evaluate_references
from sourcetrace.eval.attributions import attribution_stages, format_table
from sourcetrace.eval.gate import write_baseline
from sourcetrace.eval.references import format_report, hand_written_sets

BASELINE = Path(__file__).resolve().parent / "eval_baseline.json"
REBASELINE = os.environ.get("SOURCETRACE_REBASELINE", "")
WEB_GOLD = Path(__file__).resolve().parent.parent / "src" / "sourcetrace" / "data" / "training" / "references-web.xml"
# The reference model trains on every sequence but the fifth (index % 5 == 4): scripts/train_references.py.
HELD_OUT = slice(4, None, 5)


def gate(scores: dict, task: str, corpus: str) -> list[str]:
    if REBASELINE:
        write_baseline(scores, BASELINE, corpus, task, allow_lower=REBASELINE == "allow-lower")
    return check_gate(scores, BASELINE, task)


def test_eval_gate_attributions_polnear_dev(shared_dir, settings):
    try:
        attribution_stages(settings)
        import sourcetrace.report.brat  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the attribution stages are not importable, nothing to gate: {exc}")
    scores = evaluate_attributions(shared_dir / "data" / "polnear" / "dev", settings=settings)
    failures = gate(scores, "attributions", "PolNeAR v1.0.0 dev (84 articles)")
    assert not failures, "\n".join(failures) + "\n\n" + format_table(scores)


def _reference_parser_or_skip() -> None:
    try:
        from sourcetrace.references import parse_reference

        parse_reference("Doe, J. (2001). A title. Publisher.")
    except (ImportError, ModelError) as exc:
        pytest.skip(f"the reference parser is not usable, nothing to gate: {exc}")


@pytest.mark.parametrize(
    "task, corpus",
    [
        ("references/core-heldout", "anystyle core.xml, sequences i % 5 == 4"),
        ("references/web-heldout", "data/training/references-web.xml, sequences i % 5 == 4"),
    ],
)
def test_eval_gate_references_held_out(shared_dir, settings, task, corpus):
    _reference_parser_or_skip()
    gold = shared_dir / "data" / "anystyle" / "core.xml" if task.endswith("core-heldout") else WEB_GOLD
    if not gold.exists():
        pytest.skip(f"{gold} is missing")
    scores = evaluate_references(gold, settings=settings, subset=HELD_OUT)
    failures = gate(scores, task, corpus)
    assert not failures, "\n".join(failures) + "\n\n" + format_report(scores)


# Every hand-written set on disk, by its number (1 for the unnumbered first): a new set joins the gate (and needs
# a baseline) by being there.
HAND_WRITTEN = hand_written_sets(WEB_GOLD.parent)


@pytest.mark.parametrize(("n", "gold"), HAND_WRITTEN, ids=[str(n) for n, _ in HAND_WRITTEN])
def test_eval_gate_references_hand_written(settings, n, gold):
    """The hand-written web/news sets (never trained on; scripts/web_citations_handtest.py)."""
    _reference_parser_or_skip()
    scores = evaluate_references(gold, settings=settings)
    failures = gate(scores, f"references/web-hand-{n}", f"data/training/{gold.name}")
    assert not failures, "\n".join(failures) + "\n\n" + format_report(scores)
