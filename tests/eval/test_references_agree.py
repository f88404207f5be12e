"""sourcetrace.eval.references must give every figure of ../shared/eval/score_references.py.

Both scorers run on a small synthetic gold/pred pair full of awkward cases and on AnyStyle's core.xml
against perturbed copies of itself (retagged tokens, segment boundaries inside tokens, respacing, and
with --align, changed characters); the shared scorer's --json is compared figure by figure.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from sourcetrace.errors import InputError
from sourcetrace.eval.references import format_report, read_anystyle_xml, score, to_anystyle_xml


def shared_score(shared_dir: Path, *args: str) -> tuple[int, str]:
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score_references.py"), *args],
        capture_output=True,
        text=True,
    )
    return proc.returncode, proc.stdout


GOLD = """<?xml version="1.0" encoding="UTF-8"?>
<dataset>
  <sequence>
    <author>Disney, Patrick.</author>
    <title>"The Middle East Channel."</title>
    <journal>Foreign Policy.</journal>
    <date>22 September 2010.</date>
    <note>Web.</note> <date>1 Nov. 2010</date>.
  </sequence>
  <sequence>loose words <author>Smith, J.</author>
    <date>(2001).</date>
    <title>A &amp; B <i>nested</i>\u00a0C.</title><!-- a comment -->
    <url>http://example.org/a b</url>
  </sequence>
  <sequence>
    <citation-number>[3]</citation-number><author>Doe, J.</author><container-title>The Times</container-title>
  </sequence>
  <sequence></sequence>
  <sequence><title>   </title><author>Only Author</author></sequence>
</dataset>
"""

PRED = """<dataset>
<sequence><author>Disney, Patrick. "The</author><title>Middle East
Channel." Foreign</title><journal>Policy.</journal><date>22 September</date><publisher>2010. Web</publisher><note>. 1 Nov.</note><date>2010.</date></sequence>
<sequence><author>loose words Smith, J. (</author><date>2001).</date><title>A
&amp; B nes</title><genre>ted C.</genre><url>http://exam</url><doi>ple.org/a</doi><url>b</url></sequence>
<sequence>[3] <author>Do</author><title>e, J.</title><container-title>The</container-title><journal>Times</journal></sequence>
<sequence/>
<sequence><author>Only</author> Author</sequence>
</dataset>
"""


def test_references_agree_on_synthetic_cases(shared_dir, tmp_path):
    gold, pred = tmp_path / "gold.xml", tmp_path / "pred.xml"
    gold.write_text(GOLD, "utf-8")
    pred.write_text(PRED, "utf-8")
    mine = score(gold, pred)
    code, out = shared_score(shared_dir, "--json", str(gold), str(pred))
    assert code == 0
    assert mine == json.loads(out)
    code, out = shared_score(shared_dir, str(gold), str(pred))
    assert format_report(mine) == out.rstrip("\n")
    assert mine["predicted_tags_not_in_gold"]  # genre, doi, publisher, journal are not in gold: exercised
    assert 0 < mine["token_errors"] < mine["tokens"]


def test_references_agree_with_align_and_exclude(shared_dir, tmp_path):
    gold, pred, other = tmp_path / "gold.xml", tmp_path / "pred.xml", tmp_path / "train.xml"
    gold.write_text(GOLD, "utf-8")
    pred.write_text(PRED.replace("Foreign", "Foriegn").replace("Smith", "Smyth,"), "utf-8")
    other.write_text("<dataset><sequence>[3]<author>DOE, J</author><x>the-times</x></sequence></dataset>", "utf-8")
    with pytest.raises(InputError, match="sequence 1"):
        score(gold, pred)
    assert shared_score(shared_dir, str(gold), str(pred))[0] == 2  # the shared scorer refuses too
    mine = score(gold, pred, align=True, exclude=other)
    code, out = shared_score(shared_dir, "--json", "--align", "--exclude", str(other), str(gold), str(pred))
    assert code == 0
    assert mine == json.loads(out)
    assert mine["text_mismatches"] == 2 and mine["sequences"] == 4


def perturb(dataset: list, rng: random.Random, tags: list[str], change_text: bool) -> list:
    out = []
    for segments in dataset:
        seq = []
        for tag, text in segments:
            for tok in text.split():
                r = rng.random()
                if r < 0.06:
                    tag_ = rng.choice(tags)
                else:
                    tag_ = tag
                if r > 0.96 and len(tok) > 1:  # a predicted boundary inside a gold token
                    k = rng.randrange(1, len(tok))
                    seq += [(tag_, tok[:k]), (rng.choice(tags), tok[k:] + " ")]
                    continue
                if change_text and 0.5 < r < 0.51:
                    tok = tok[::-1] + "x"
                seq.append((tag_, tok + ("\n" if r < 0.3 else " ")))
        out.append(seq)
    return out


@pytest.mark.parametrize("seed, change_text", [(1, False), (2, True)])
def test_references_agree_on_perturbed_core(shared_dir, tmp_path, seed, change_text):
    gold = shared_dir / "data" / "anystyle" / "core.xml"
    dataset = read_anystyle_xml(gold)
    tags = sorted({tag for seq in dataset for tag, _ in seq})
    pred = tmp_path / "pred.xml"
    pred.write_text(to_anystyle_xml(perturb(dataset, random.Random(seed), tags, change_text)), "utf-8")
    mine = score(gold, pred, align=change_text)
    args = ["--json", "--align"] if change_text else ["--json"]
    code, out = shared_score(shared_dir, *args, str(gold), str(pred))
    assert code == 0
    assert mine == json.loads(out)
    assert 0.03 < mine["token_error_rate"] < 0.2
    assert (mine["text_mismatches"] > 0) == change_text


def test_references_scorer_workflow_end_to_end(shared_dir, tmp_path):
    """The documented route for independent scoring, every step a real process: the shared scorer's
    --to-text, `sourcetrace parse-ref --format anystyle-xml FILE`, then the shared scorer on the result."""
    core = read_anystyle_xml(shared_dir / "data" / "anystyle" / "core.xml")
    gold = tmp_path / "gold.xml"
    gold.write_text(to_anystyle_xml(core[4:200:5] + [[]] + core[204:300:5]), "utf-8")  # a blank line in the middle
    code, text = shared_score(shared_dir, "--to-text", str(gold))
    assert code == 0 and "\n\n" in text
    refs = tmp_path / "refs.txt"
    refs.write_text(text, "utf-8")
    run = subprocess.run([sys.executable, "-m", "sourcetrace", "parse-ref", "--format", "anystyle-xml", str(refs)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    pred = tmp_path / "pred.xml"
    pred.write_text(run.stdout, "utf-8")
    code, out = shared_score(shared_dir, "--json", str(gold), str(pred))
    assert code == 0, out
    figures = json.loads(out)
    assert figures["sequences"] == 61 and figures["token_errors"] < 0.15 * figures["tokens"]
    assert figures == score(gold, pred)
