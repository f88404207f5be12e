"""loaded-cue: cue verbs that tell the reader what to think of a statement.

Input: attributions with cue spans. Output: one info finding per attribution whose cue holds a
loaded verb (patterns.LOADED_CUES); neutral cues ("said", "wrote", "told", "noted") never fire.
"""

from __future__ import annotations

from typing import Iterable

from .._names import RE_WORD
from ..model import Article, Finding, Span
from ..settings import Settings
from .patterns import LOADED_FORMS, LOADED_HINT
from .registry import finding


def check_loaded_cues(article: Article, settings: Settings) -> Iterable[Finding]:
    """Yield loaded-cue for each attribution whose cue contains a loaded verb form."""
    for attr in article.attributions:
        if attr.cue is None:
            continue
        cue_text = article.text[attr.cue.start : attr.cue.end]
        for m in RE_WORD.finditer(cue_text):
            base = LOADED_FORMS.get(m.group(0).lower())
            if base is None:
                continue
            word = m.group(0)
            yield finding(
                "loaded-cue",
                f"the cue \"{word}\" {LOADED_HINT[base]}; a neutral verb (\"said\", \"wrote\") would report "
                "the statement without judging it.",
                [Span(attr.cue.start + m.start(), attr.cue.start + m.end())],
                attributions=[attr.id],
            )
            break
