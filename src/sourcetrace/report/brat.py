"""brat standoff writer: Article.attributions -> PolNeAR-style .ann text (Source/Cue/Content + E lines).

Each attribution becomes T lines for its Source, Cue and Content and one `Attribution` event that
ties them together, as in shared/data/polnear/*/attributions/*.ann. brat cannot show a newline inside
a text-bound annotation, so a span that crosses a line break is written as discontinuous fragments
split at the break (what brat itself does), and whitespace-only fragments are dropped.
"""

from __future__ import annotations

from ..model import Article, Span
from ..tokenize import line_spans


def to_brat(article: Article) -> str:
    """The .ann text for `article`'s attributions (empty string when there are none)."""
    text = article.text
    lines: list[str] = []
    t = 0
    for e, attribution in enumerate(article.attributions, 1):
        roles: list[str] = []
        trigger: list[tuple[int, int]] = []
        for role, spans in (
            ("Source", (attribution.source,) if attribution.source else ()),
            ("Cue", (attribution.cue,) if attribution.cue else ()),
            ("Content", attribution.content),
        ):
            frags = [f for span in spans for f in fragments(text, span)]
            if not frags:
                continue
            t += 1
            lines.append(_t_line(t, role, frags, text))
            roles.append(f"{role}:T{t}")
            if role == "Cue" or (role == "Content" and not trigger):
                trigger = frags[:1]
        if not roles:
            continue
        if not trigger:
            trigger = [fragments(text, attribution.source)[0]] if attribution.source else []
        t += 1
        lines.append(_t_line(t, "Attribution", trigger, text))
        lines.append(f"E{e}\tAttribution:T{t} " + " ".join(roles))
    return "\n".join(lines) + ("\n" if lines else "")


def _t_line(t: int, label: str, frags: list[tuple[int, int]], text: str) -> str:
    offsets = ";".join(f"{a} {b}" for a, b in frags)
    return f"T{t}\t{label} {offsets}\t" + " ".join(text[a:b] for a, b in frags)


def fragments(text: str, span: Span) -> list[tuple[int, int]]:
    """`span` split at line breaks into fragments without surrounding whitespace (as brat writes them)."""
    return line_spans(text, span.start, span.end)
