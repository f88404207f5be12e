"""report.brat + attributions: our brat output reads back through the shared scorer exactly."""

from __future__ import annotations

import importlib.util
import re

import pytest

from sourcetrace.model import Article, Attribution, Span
from sourcetrace.report.brat import to_brat


def _scorer(shared_dir):
    path = shared_dir / "eval" / "score_attributions.py"
    if not path.is_file():
        pytest.skip("shared scorer not present")
    spec = importlib.util.spec_from_file_location("score_attributions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_attributions(ann: str) -> tuple[Attribution, ...]:
    spans, out = {}, []
    for line in ann.split("\n"):
        m = re.match(r"^(T\d+)\t(\S+) ([\d ;]+)\t", line)
        if m:
            spans[m.group(1)] = [tuple(map(int, p.split())) for p in m.group(3).strip().split(";")]
        m = re.match(r"^E\d+\t(.*)$", line)
        if m:
            roles = {}
            for arg in m.group(1).split()[1:]:
                role, ref = arg.split(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).extend(spans.get(ref, []))
            if roles.get("Content"):
                src = roles.get("Source")
                cue = roles.get("Cue")
                out.append(
                    Attribution(
                        id=f"q{len(out) + 1}",
                        kind="indirect",
                        content=tuple(Span(a, b) for a, b in sorted(roles["Content"])),
                        source=Span(min(a for a, _ in src), max(b for _, b in src)) if src else None,
                        cue=Span(min(a for a, _ in cue), max(b for _, b in cue)) if cue else None,
                    )
                )
    return tuple(out)


def test_brat_gold_roundtrip_scores_high(shared_dir, tmp_path):
    scorer = _scorer(shared_dir)
    dev = shared_dir / "data" / "polnear" / "dev"
    files = sorted(scorer.gold_ann_files(str(dev)).items())[:5]
    for name, ann_path in files:
        text = scorer.read_text(str(dev / "text" / f"{name}.txt"))
        ann = scorer.read_text(ann_path)
        article = Article(text=text, attributions=_gold_attributions(ann))
        (tmp_path / f"{name}.ann").write_text(to_brat(article), encoding="utf-8")
    result = scorer.score_dirs(str(dev), str(tmp_path))
    relation = result["metrics"]["relation"]
    # Only the 5 articles written are predicted; recall over them is what counts here.
    assert relation["tp_pred"] == relation["pred"] > 0
