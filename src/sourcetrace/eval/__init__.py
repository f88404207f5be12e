"""Evaluation: gold annotations + predictions -> the figures of the shared scorers, and the regression gate.

`evaluate_attributions` scores PolNeAR-layout brat annotations, `evaluate_references` AnyStyle XML; both
run sourcetrace itself when no predictions are given. `check_gate` compares figures with the floors
pinned in tests/eval_baseline.json. See docs/eval.md.
"""

from __future__ import annotations

from .attributions import evaluate_attributions
from .gate import check_gate
from .references import evaluate_references

__all__ = ["check_gate", "evaluate_attributions", "evaluate_references"]
