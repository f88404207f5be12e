"""sourcetrace.eval.attributions.score must give every figure of ../shared/eval/score_attributions.py.

Both scorers run on (a) a small synthetic gold/pred pair full of awkward cases and (b) PolNeAR dev gold
against perturbed copies of itself; the shared scorer runs as a subprocess and its --json is compared
figure by figure (floats compared exactly: the definitions are the same, so the arithmetic is too).
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sourcetrace.eval.attributions import METRICS, format_table, score
from sourcetrace.eval.brat import gold_ann_files

# ----------------------------------------------------------------------------- helpers


def shared_score(shared_dir: Path, gold: Path, pred: Path, tmp_path: Path) -> tuple[dict, str]:
    """The shared scorer's --json figures and its printed table."""
    out = tmp_path / "shared.json"
    proc = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score_attributions.py"), str(gold), str(pred), "--json", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.read_text("utf-8")), proc.stdout.rstrip("\n")


def assert_same_figures(mine: dict, theirs: dict) -> None:
    assert mine["info"] == theirs["info"]
    for name in METRICS:
        assert mine["metrics"][name] == theirs["metrics"][name], name
    assert set(mine["metrics"]) == set(theirs["metrics"])


def at(text: str, sub: str, nth: int = 0) -> str:
    """brat offsets "start end" of the nth occurrence of `sub` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return f"{start} {start + len(sub)}"


def write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(content)


# ----------------------------------------------------------------------------- (a) synthetic corpus

Q = '"'

TEXT_A = (
    'Mayor Jane Doe said: "We will fix the roads, and we will do it soon." '
    'She added that the budget was "tight but fair".\n\n'
    "According to officials, the plan costs $3 million. "
    '"It is a start," a resident said, "but not enough."\n'
    "It was reported that the council — once praised — has failed.\n"
)
TEXT_B = "Nobody is quoted here, but a reporter wrote something anyway.\r\nIt happens.\r\n"
TEXT_C = "« Non », dit-il. ‘Maybe,’ she thought. The café’s owner told reporters the rent rose.\n"
TEXT_D = "Short text. “Quoted” words.\n"  # its gold file is missing; predictions still count


def gold_ann_a(t: str) -> str:
    return "\n".join(
        [
            f"T1\tSource {at(t, 'Mayor Jane Doe')}\tMayor Jane Doe",
            f"T2\tCue {at(t, 'said:')}\tsaid:",  # trailing colon: trimmed away
            f"T3\tContent {at(t, Q + 'We will fix the roads, and we will do it soon.' + Q)}",  # no text field
            f"T4\tAttribution {at(t, 'said')}\tsaid",
            "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
            f"T5\tSource {at(t, 'She')}\tShe",
            f"T6\tCue {at(t, 'added')}\tadded",
            f"T7\tContent {at(t, 'that the budget was')}\tthat the budget was",
            f"T8\tContent {at(t, Q + 'tight but fair' + Q + '.')}\t\"tight but fair\".",
            # two Content roles (Content, Content2) are unioned into one span
            "E2\tAttribution:T6 Source:T5 Cue:T6 Content:T7 Content2:T8   ",
            f"T9\tCue {at(t, 'According to')}\tAccording to",
            f"T10\tSource {at(t, 'officials')}\tofficials",
            f"T11\tContent {at(t, 'the plan costs $3 million.')}\tWRONG STORED TEXT",  # counts as a text mismatch
            "E3\tAttribution:T9 Cue:T9 Source:T10 Content:T11",
            # discontinuous content across the interrupting cue
            f"T12\tContent {at(t, Q + 'It is a start,' + Q)};{at(t, Q + 'but not enough.' + Q)}\t\"It is a start,\" \"but not enough.\"",
            f"T13\tSource {at(t, 'a resident')}\ta resident",
            f"T14\tCue {at(t, 'said', 1)}\tsaid",
            "E4\tAttribution:T14 Content:T12 Source:T13 Cue:T14",
            # no source
            f"T15\tCue {at(t, 'It was reported')}\tIt was reported",
            f"T16\tContent {at(t, 'that the council — once praised — has failed.')}\tthat the council",
            "E5\tAttribution-no-source:T15 Cue:T15 Content:T16",
            # an orphan span, an ignored type, a note, an event with a dangling reference only
            f"T17\tSource {at(t, 'the council')}\tthe council",
            f"T18\tDiscuss {at(t, 'once praised')}\tonce praised",
            "#1\tAnnotatorNotes T18\tnot an attribution",
            "E6\tAttribution:T4 Source:T99",
            "E7\tAttribution:T4",
            "",
        ]
    )


def gold_ann_c(t: str) -> str:
    return "\r\n".join(  # CRLF line ends in the .ann file itself
        [
            f"T1\tContent {at(t, '« Non »')}\t« Non »",
            f"T2\tCue {at(t, 'dit-il')}\tdit-il",
            f"T3\tSource {at(t, 'il')}\til",
            "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3",
            f"T4\tContent {at(t, '‘Maybe,’')}\t‘Maybe,’",
            f"T5\tSource {at(t, 'she')}\tshe",
            f"T6\tCue {at(t, 'thought')}\tthought",
            "E2\tAttribution:T6 Content:T4 Source:T5 Cue:T6",
            f"T7\tSource {at(t, 'The café’s owner')}\tThe café’s owner",
            f"T8\tCue {at(t, 'told reporters')}\ttold reporters",
            f"T9\tContent {at(t, 'the rent rose.')}\tthe rent rose.",
            "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9",
        ]
    )


def pred_ann_a(t: str) -> str:
    return "\n".join(
        [
            # exact after trimming quotes and punctuation
            f"T1\tSource {at(t, 'Mayor Jane Doe ')}\tx",
            f"T2\tCue {at(t, 'said')}\tsaid",
            f"T3\tContent {at(t, 'We will fix the roads, and we will do it soon.')}\tx",
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
            # the same relation again: a duplicate (span units collapse, relations do not)
            f"T4\tSource {at(t, 'Mayor Jane Doe')}\tx",
            f"T5\tCue {at(t, 'said')}\tx",
            f"T6\tContent {at(t, Q + 'We will fix the roads, and we will do it soon.' + Q)}\tx",
            "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6",
            # a direct quote prediction that overlaps the gold *indirect* relation 2
            f"T7\tContent {at(t, Q + 'tight but fair' + Q)}\tx",
            f"T8\tSource {at(t, 'She added')}\tx",
            "E3\tAttribution:T7 Source:T8 Content:T7",
            # right content, no source where gold has one -> content-only match only
            f"T9\tContent {at(t, 'the plan costs')}\tx",
            f"T10\tCue {at(t, 'According to officials,')}\tx",
            "E4\tAttribution-no-source:T10 Cue:T10 Content:T9",
            # two fragments given the other way round, plus a whitespace-only fragment and a quote-only span
            f"T11\tContent {at(t, 'but not enough.')};{at(t, 'It is a start,')};{at(t, ' ')}\tx",
            f"T12\tSource {at(t, 'resident')}\tx",
            "E5\tAttribution:T11 Content:T11 Source:T12",
            f"T13\tCue {at(t, Q, 2)}\t\"",
            "E6\tAttribution:T13 Cue:T13",
            # no-source relation predicted with a source -> wrong at relation level
            f"T14\tContent {at(t, 'the council — once praised — has failed')}\tx",
            f"T15\tSource {at(t, 'It')}\tx",
            "E7\tAttribution:T14 Content:T14 Source:T15",
            # offsets past the end of the text are clipped; an empty fragment disappears
            f"T16\tContent {len(t) - 3} {len(t) + 40};5 5\tx",
            "E8\tAttribution:T16 Content:T16",
            # an orphan predicted cue
            f"T17\tCue {at(t, 'reported')}\treported",
        ]
    )


def pred_ann_c(t: str) -> str:
    return "\n".join(
        [
            f"T1\tContent {at(t, 'Non')}\tNon",  # inside the guillemets: not a direct quote as predicted
            f"T2\tSource {at(t, 'il')}\til",
            "E1\tAttribution:T1 Content:T1 Source:T2",
            # two predictions tie on one gold content: the earlier one wins
            f"T3\tContent {at(t, 'the rent')}\tx",
            f"T4\tSource {at(t, 'owner')}\tx",
            "E2\tAttribution:T3 Content:T3 Source:T4",
            f"T5\tContent {at(t, 'rent rose')}\tx",
            f"T6\tSource {at(t, 'café')}\tx",
            "E3\tAttribution:T5 Content:T5 Source:T6",
        ]
    )


@pytest.fixture()
def synthetic(tmp_path: Path) -> tuple[Path, Path]:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    for name, text in (("a", TEXT_A), ("b", TEXT_B), ("c", TEXT_C), ("d", TEXT_D)):
        write(gold / "text" / f"{name}.txt", text)
    write(gold / "attributions" / "a_ann1.ann", gold_ann_a(TEXT_A))
    write(gold / "attributions" / "a_ann2.ann", "")  # sorts after ann1: ignored
    write(gold / "attributions" / "b_x.ann", "")
    write(gold / "attributions" / "c_zz.ann", gold_ann_c(TEXT_C))
    write(gold / "attributions" / "orphan_ann1.ann", gold_ann_c(TEXT_C))  # no text file: not scored
    write(gold / "attributions" / "README.txt", "not an annotation file")
    write(pred / "a.ann", pred_ann_a(TEXT_A))
    b0 = TEXT_B.index("a reporter")
    write(pred / "b.ann", f"T1\tSource {b0} {b0 + 10}\ta reporter\nT2\tContent {b0 + 16} {b0 + 34}\tx\nE1\tAttribution:T1 Source:T1 Content:T2\n")
    write(pred / "c.ann", pred_ann_c(TEXT_C))
    write(pred / "d.ann", f"T1\tContent {at(TEXT_D, '“Quoted”')}\tx\nE1\tAttribution:T1 Content:T1\n")
    return gold, pred


def test_attributions_agree_on_synthetic_cases(synthetic, shared_dir, tmp_path):
    gold, pred = synthetic
    mine = score(gold, pred)
    theirs, table = shared_score(shared_dir, gold, pred, tmp_path)
    assert_same_figures(mine, theirs)
    assert format_table(mine) == table
    # the cases above really are exercised (guards against a corpus that tests nothing)
    assert mine["info"]["gold_text_mismatches"] == 2  # T11 and the truncated T16
    assert mine["info"]["gold_orphan_spans"] == 1
    assert mine["info"]["gold_relations_without_source"] == 1
    assert 0 < mine["metrics"]["relation"]["tp_gold"] < mine["metrics"]["relation_content_only"]["tp_gold"]


def test_attributions_agree_with_no_predictions(synthetic, shared_dir, tmp_path):
    gold, _ = synthetic
    empty = tmp_path / "empty"
    empty.mkdir()
    mine = score(gold, empty)
    theirs, _ = shared_score(shared_dir, gold, empty, tmp_path)
    assert_same_figures(mine, theirs)
    assert all(m["recall"] == 0.0 for m in mine["metrics"].values())


# ----------------------------------------------------------------------------- (b) PolNeAR dev, perturbed

RE_T = re.compile(r"^(T\d+\t\S+ )(\d+ \d+(?:;\d+ \d+)*)(.*)$")


def perturb(ann: str, rng: random.Random) -> str:
    """Drop events and spans, shift and widen offsets, drop sources, duplicate events, merge fragments."""
    out = []
    for line in ann.split("\n"):
        r = rng.random()
        if line.startswith("E"):
            if r < 0.12:
                continue  # a missed relation
            if r < 0.2:
                line = re.sub(r" Source\d*:T\d+", "", line)  # source not found
            elif r < 0.25:
                out.append(line)  # a duplicated relation
        m = RE_T.match(line)
        if m:
            frags = [tuple(map(int, f.split())) for f in m.group(2).split(";")]
            if r < 0.08:
                continue  # a missing span (its events lose that role)
            if r < 0.3:
                d = rng.randint(-6, 6)
                frags = [(max(0, s + d), max(0, e + d)) for s, e in frags]
            elif r < 0.4:
                frags = [(max(0, s - rng.randint(0, 3)), e + rng.randint(0, 3)) for s, e in frags]
            elif r < 0.45 and len(frags) > 1:
                frags = [(frags[0][0], frags[-1][1])]
            elif r < 0.5:
                s, e = frags[0]
                frags[0] = (s, s + max(1, (e - s) // 3))
            line = m.group(1) + ";".join(f"{s} {e}" for s, e in frags) + m.group(3)
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("seed", [1, 2])
def test_attributions_agree_on_perturbed_polnear_dev(shared_dir, tmp_path, seed):
    gold = shared_dir / "data" / "polnear" / "dev"
    pred = tmp_path / "pred"
    pred.mkdir()
    rng = random.Random(seed)
    for name, path in sorted(gold_ann_files(gold).items()):
        if rng.random() < 0.05:
            continue  # no prediction file for this article
        ann = path.read_text("utf-8")
        # where a second annotator exists, their file is a realistic "prediction"
        others = sorted(path.parent.glob(f"{name}_*.ann"))
        if len(others) > 1:
            ann = others[-1].read_text("utf-8")
        write(pred / f"{name}.ann", perturb(ann, rng))
    mine = score(gold, pred)
    theirs, table = shared_score(shared_dir, gold, pred, tmp_path)
    assert_same_figures(mine, theirs)
    assert format_table(mine) == table
    assert 0.3 < mine["metrics"]["relation"]["f1"] < 0.95  # the perturbation did something


def test_attributions_agree_gold_against_itself(shared_dir, tmp_path):
    gold = shared_dir / "data" / "polnear" / "dev"
    pred = tmp_path / "pred"
    pred.mkdir()
    for name, path in gold_ann_files(gold).items():
        write(pred / f"{name}.ann", path.read_text("utf-8"))
    mine = score(gold, pred)
    theirs, _ = shared_score(shared_dir, gold, pred, tmp_path)
    assert_same_figures(mine, theirs)
    assert mine["metrics"]["relation"]["f1"] == 1.0
