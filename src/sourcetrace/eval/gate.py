"""Evaluation gate: scores from evaluate_* + tests/eval_baseline.json -> the list of regressions.

The baseline pins, per task, the SHA-256 of the corpus the figures were measured on and a floor
(or, for error rates, a ceiling) per metric. Figures measured on another corpus are never compared
with those floors: the gate fails and asks for an explicit re-baseline, so floors cannot drift down
silently (the habit of trafilatura's tests/eval_gate.py).
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from ..errors import ConfigError

# What each task's gate watches, as dotted paths into the scores dict. Relation-level F1 is the
# headline figure of issue 3; span-level overlap F1 catches a finder that gets worse at one role.
# F1 only, never P and R apart: trading precision for recall at equal F1 is not a regression.
GATED = {
    "attributions": {
        "floors": (
            "metrics.relation.f1",
            "metrics.relation_content_only.f1",
            "metrics.direct_relation.f1",
            "metrics.indirect_relation.f1",
            "metrics.Source_overlap.f1",
            "metrics.Cue_overlap.f1",
            "metrics.Content_overlap.f1",
        ),
        "ceilings": (),
    },
    "references": {
        "floors": ("macro_f1", "span_micro_f1"),
        "ceilings": ("token_error_rate", "sequence_error_rate"),
    },
}

# Floors sit this far under the measured figure (ceilings this far above): enough to absorb
# harmless changes such as a tie broken differently, small enough to catch a real regression
# (one gold relation of PolNeAR dev is ~0.0005 of relation F1).
DEFAULT_MARGIN = 0.015

# Per-field F1 floors for reference fields with at least this many gold tokens (smaller ones are noise),
# with twice the margin: on a few hundred tokens a field's F1 moved by up to 3 points between two
# retrains of the reference CRF on 2026-11-29 while the token error rate stayed within 0.2 points.
MIN_FIELD_SUPPORT = 200
FIELD_MARGIN_FACTOR = 2.0


def task_of(scores: Mapping[str, Any]) -> str:
    """"attributions" or "references", from the shape of `scores`. Raises ConfigError otherwise."""
    if "metrics" in scores and "info" in scores:
        return "attributions"
    if "fields" in scores and "token_error_rate" in scores:
        return "references"
    raise ConfigError("scores are neither attribution nor reference figures (no 'metrics' or 'fields' key)")


def lookup(scores: Mapping[str, Any], path: str) -> Any:
    """The value at dotted `path` ("metrics.relation.f1"); KeyError when absent."""
    value: Any = scores
    for key in path.split("."):
        value = value[key]
    return value


def load_baseline(baseline_path: str | Path) -> dict[str, Any]:
    """The baseline file as a dict ({} when it does not exist). Raises ConfigError when unreadable."""
    path = Path(baseline_path)
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the evaluation baseline {path}: {exc}") from None


def check_gate(scores: Mapping[str, Any], baseline_path: str | Path, task: str | None = None) -> list[str]:
    """The failures of `scores` against the baseline: one message per problem, [] when the gate passes.

    `scores` come from evaluate_attributions / evaluate_references and must carry `corpus_sha256`;
    `task` names the baseline section ("references/web-heldout"), by default what `task_of(scores)`
    infers ("attributions" or "references"). A missing baseline section or a corpus SHA that
    differs from the pinned one is a failure (re-baseline explicitly, see docs/eval.md), as is every
    floor not reached and every ceiling exceeded.
    """
    task = task or task_of(scores)
    baseline = load_baseline(baseline_path).get(task)
    if not baseline:
        return [f"{baseline_path} has no baseline for {task!r}: create one explicitly (docs/eval.md, re-baselining)"]
    failures = []
    sha = scores.get("corpus_sha256")
    if sha != baseline.get("corpus_sha256"):
        failures.append(
            f"{task}: the corpus changed (scored corpus sha256 {sha}, baseline pinned "
            f"{baseline.get('corpus_sha256')} for {baseline.get('corpus', '?')}); floors only hold on the "
            "corpus they were measured on, so re-baseline explicitly (docs/eval.md)"
        )
        return failures
    for path, floor in sorted(baseline.get("floors", {}).items()):
        try:
            value = lookup(scores, path)
        except (KeyError, TypeError):
            failures.append(f"{task}: {path} is missing from the scores (floor {floor:.4f})")
            continue
        if value < floor:
            failures.append(f"{task}: {path} = {value:.4f} is below its floor {floor:.4f}")
    for path, ceiling in sorted(baseline.get("ceilings", {}).items()):
        try:
            value = lookup(scores, path)
        except (KeyError, TypeError):
            failures.append(f"{task}: {path} is missing from the scores (ceiling {ceiling:.4f})")
            continue
        if value > ceiling:
            failures.append(f"{task}: {path} = {value:.4f} is above its ceiling {ceiling:.4f}")
    return failures


def gated_paths(scores: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """(floor paths, ceiling paths) to pin for `scores`: GATED plus, for references, the big fields."""
    kind = task_of(scores)
    floors = list(GATED[kind]["floors"])
    ceilings = list(GATED[kind]["ceilings"])
    if kind == "references":
        floors += [
            f"fields.{tag}.f1" for tag, v in scores["fields"].items() if v["support"] >= MIN_FIELD_SUPPORT
        ]
    return floors, ceilings


def baseline_entry(scores: Mapping[str, Any], corpus: str, margin: float = DEFAULT_MARGIN) -> dict[str, Any]:
    """A baseline section for `scores`: floors `margin` under (ceilings `margin` over) the measured
    figures (per-field floors FIELD_MARGIN_FACTOR times further), rounded outwards to 4 decimals, with
    the corpus label, its SHA and today's date."""
    floor_paths, ceiling_paths = gated_paths(scores)

    def floor(path: str) -> float:
        m = margin * FIELD_MARGIN_FACTOR if path.startswith("fields.") else margin
        return max(0.0, math.floor((lookup(scores, path) - m) * 1e4) / 1e4)

    return {
        "corpus": corpus,
        "corpus_sha256": scores["corpus_sha256"],
        "date": date.today().isoformat(),
        "margin": margin,
        "measured": {p: round(lookup(scores, p), 4) for p in floor_paths + ceiling_paths},
        "floors": {p: floor(p) for p in floor_paths},
        "ceilings": {p: min(1.0, math.ceil((lookup(scores, p) + margin) * 1e4) / 1e4) for p in ceiling_paths},
    }


def write_baseline(
    scores: Mapping[str, Any],
    baseline_path: str | Path,
    corpus: str,
    task: str | None = None,
    *,
    margin: float = DEFAULT_MARGIN,
    allow_lower: bool = False,
) -> dict[str, Any]:
    """Re-baseline section `task` (default: `task_of(scores)`) of `baseline_path` from `scores`,
    keeping the other sections.

    On the same corpus, a floor that would go down (or a ceiling up) raises ConfigError unless
    `allow_lower` is set: lowering the bar is always a deliberate act. Returns the new section.
    """
    task = task or task_of(scores)
    baseline = load_baseline(baseline_path)
    entry = baseline_entry(scores, corpus, margin)
    old = baseline.get(task)
    if old and old.get("corpus_sha256") == entry["corpus_sha256"] and not allow_lower:
        lowered = [p for p, v in entry["floors"].items() if v < old.get("floors", {}).get(p, -1.0)]
        lowered += [p for p, v in entry["ceilings"].items() if v > old.get("ceilings", {}).get(p, 2.0)]
        if lowered:
            raise ConfigError(
                f"re-baselining {task} would lower the bar for {', '.join(sorted(lowered))} on the same corpus; "
                "pass allow_lower=True (SOURCETRACE_REBASELINE=allow-lower) if that is intended"
            )
    baseline[task] = entry
    Path(baseline_path).write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", "utf-8")
    return entry
