"""Canned corpus reports over a store: `run_report(db, name) -> (columns, rows)`, plus CSV/JSON/text
formatting and a Parquet export. Reports are read-only and never change the database."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from ..errors import StoreError
from .duckdb import Store
from .patterns import PRONOUNS, RE_HONORIFIC, RE_NAME_SUFFIX, RE_NAME_TOKEN, RE_POSSESSIVE, RE_SPACES

Table = tuple[list[str], list[tuple]]
UNKNOWN_SITE = "(unknown)"
ALL_SITES = "(all)"
# How many aliases top-speakers lists per speaker (the most frequent first), and the longest alias
# listed: longer mention texts are descriptions ("a senior adviser to ...") rather than names.
MAX_ALIASES = 5
MAX_ALIAS_WORDS = 5
# A surname-only speaker joins a full name with that surname across articles when that full name has
# at least this share of the attributions of all full names with the surname. Calibrated on PolNeAR
# train: Barack Obama holds 0.90 of the Obama full names (the rest is Michelle and speaker-stage noise
# like "Is President Obama"), Hillary Clinton 0.92 of the Clintons; two equally quoted Smiths (0.5)
# leave "Smith" on its own.
DOMINANT_SURNAME_SHARE = 0.85


# -- speaker alias merging ---------------------------------------------------------------------------


def normalize_name(name: str) -> str:
    """`name` without honorifics, suffixes, possessive and extra spaces ("Sen. Warren's" -> "Warren")."""
    name = RE_SPACES.sub(" ", name).strip().strip(",;:")
    name = RE_NAME_SUFFIX.sub("", RE_POSSESSIVE.sub("", name))
    stripped = RE_HONORIFIC.sub("", name)
    return stripped or name


def _person_tokens(name: str) -> list[str] | None:
    """Name tokens when `name` looks like a person's name, else None (organisations, groups, pronouns)."""
    tokens = name.split(" ")
    if not tokens or len(tokens) > 5 or not all(RE_NAME_TOKEN.match(t) for t in tokens):
        return None
    if not tokens[0][:1].isupper():
        return None
    return tokens


def _full_key(tokens: list[str]) -> str:
    # First and last token: "Patrick J. Disney" and "Patrick Disney" are one person.
    return f"{tokens[0].lower()} {tokens[-1].lower()}"


def _speaker_rows(store: Store) -> Iterator[list[tuple]]:
    """(article_id, name, kind, n_attributions, aliases) grouped by article, streamed."""
    rows = store.iter_rows(
        "SELECT article_id, name, kind, n_attributions, aliases FROM speakers "
        "WHERE name IS NOT NULL AND n_attributions > 0 ORDER BY article_id"
    )
    current: list[tuple] = []
    for row in rows:
        if current and current[0][0] != row[0]:
            yield current
            current = []
        current.append(row)
    if current:
        yield current


def top_speakers(store: Store, *, limit: int = 50) -> Table:
    """Speakers by number of attributions, aliases merged within and across articles.

    Within an article, a one-word name ("Disney") joins the article's full name with that surname
    ("Patrick Disney"). Across articles, a one-word name joins the full name with that surname that
    holds at least DOMINANT_SURNAME_SHARE of the corpus's attributions to such full names (the only
    one, usually); when several share it more evenly ("Smith"), it stays on its own.
    """
    quotes: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    variants: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for group in _speaker_rows(store):
        keys_here: dict[str, str] = {}  # surname (lower) -> full key, within this article
        parsed = []
        for _aid, name, kind, n, aliases in group:
            norm = normalize_name(name)
            tokens = _person_tokens(norm) if kind in ("person", "unknown", None) else None
            parsed.append((name, norm, kind, n, aliases or [], tokens))
            if tokens and len(tokens) >= 2:
                keys_here[tokens[-1].lower()] = _full_key(tokens)
                full_by_surname[tokens[-1].lower()].add(_full_key(tokens))
        seen_here: set[str] = set()
        for name, norm, kind, n, aliases, tokens in parsed:
            if tokens and len(tokens) >= 2:
                key = _full_key(tokens)
            elif tokens:
                key = keys_here.get(tokens[0].lower(), f"?{tokens[0].lower()}")
            else:
                key = f"={norm.lower()}"
            quotes[key] += n
            if key not in seen_here:
                articles[key] += 1
                seen_here.add(key)
            variants[key][norm] += n
            for alias in aliases:
                alias_norm = normalize_name(alias)
                if (alias_norm[:1].isupper() and alias_norm.lower() not in PRONOUNS
                        and len(alias_norm.split()) <= MAX_ALIAS_WORDS):
                    variants[key][alias_norm] += 0  # listed as an alias, never chosen as the display name
            kinds.setdefault(key, kind or "unknown")
    # Cross-article merge of surname-only speakers into the corpus's only full name with that surname.
    for key in [k for k in quotes if k.startswith("?")]:
        candidates = full_by_surname.get(key[1:], set())
        total = sum(quotes[c] for c in candidates)
        target = max(candidates, key=lambda c: quotes[c], default=None)
        if target is not None and total and quotes[target] >= DOMINANT_SURNAME_SHARE * total:
            quotes[target] += quotes.pop(key)
            # Exact: had the full name been in those articles, the within-article merge took them.
            articles[target] += articles.pop(key)
            variants[target].update(variants.pop(key))
            kinds.pop(key, None)
    rows = []
    for key, n in quotes.most_common(limit):
        names = variants[key]
        # The display name is a speaker name (not a mention), preferring full names, then frequency.
        display = max(names, key=lambda v: (names[v] > 0, len(v.split()) > 1, names[v], -len(v)))
        aliases = [v for v, _ in names.most_common() if v != display][:MAX_ALIASES]
        rows.append((display, kinds.get(key, "unknown"), n, articles[key], ", ".join(aliases)))
    return ["speaker", "kind", "attributions", "articles", "aliases"], rows


# -- SQL reports -----------------------------------------------------------------------------------

UNSOURCED_BY_SITE = f"""
WITH q AS (
    SELECT a.article_id, a.id, a.speaker_id,
           EXISTS (SELECT 1 FROM links l WHERE l.article_id = a.article_id AND l.attribution = a.id) AS linked
    FROM attributions a WHERE a.kind IN ('direct', 'mixed')
)
SELECT coalesce(d.site, '{UNKNOWN_SITE}') AS site,
       count(DISTINCT d.id) AS articles,
       count(q.id) AS quotations,
       count(q.id) FILTER (WHERE NOT q.linked) AS unsourced,
       round(count(q.id) FILTER (WHERE NOT q.linked) / nullif(count(q.id), 0), 4) AS unsourced_share,
       count(q.id) FILTER (WHERE q.speaker_id IS NULL) AS no_speaker,
       round(count(q.id) FILTER (WHERE q.speaker_id IS NULL) / nullif(count(q.id), 0), 4) AS no_speaker_share
FROM documents d LEFT JOIN q ON q.article_id = d.id
GROUP BY ALL ORDER BY quotations DESC, site
"""

FINDINGS_BY_SITE_MONTH = f"""
SELECT coalesce(d.site, '{UNKNOWN_SITE}') AS site,
       CASE WHEN regexp_matches(d.date, '^\\d{{4}}-\\d{{2}}') THEN left(d.date, 7) ELSE '(undated)' END AS month,
       f.code, f.severity,
       count(*) AS findings,
       count(DISTINCT d.id) AS articles
FROM findings f JOIN documents d ON d.id = f.article_id
GROUP BY ALL ORDER BY site, month, findings DESC, f.code
"""

ANONYMOUS_RATE = f"""
WITH anon AS (
    SELECT DISTINCT article_id, unnest(attribution_ids) AS attribution
    FROM findings WHERE code = 'anonymous-source'
), per_site AS (
    SELECT coalesce(d.site, '{UNKNOWN_SITE}') AS site, d.id AS article_id, a.id AS attribution,
           anon.attribution IS NOT NULL AS anonymous
    FROM documents d
    LEFT JOIN attributions a ON a.article_id = d.id
    LEFT JOIN anon ON anon.article_id = a.article_id AND anon.attribution = a.id
)
SELECT coalesce(site, '{ALL_SITES}') AS site,
       count(DISTINCT article_id) AS articles,
       count(attribution) AS attributions,
       count(attribution) FILTER (WHERE anonymous) AS anonymous,
       round(count(attribution) FILTER (WHERE anonymous) / nullif(count(attribution), 0), 4) AS anonymous_rate,
       count(DISTINCT article_id) FILTER (WHERE anonymous) AS articles_with_anonymous
FROM per_site
GROUP BY ROLLUP (site) ORDER BY site IS NULL, attributions DESC, site
"""


def _sql_report(sql: str) -> Callable[..., Table]:
    def report(store: Store, **_params: Any) -> Table:
        return store.query(sql)

    return report


REPORTS: dict[str, Callable[..., Table]] = {
    "top-speakers": top_speakers,
    "unsourced-by-site": _sql_report(UNSOURCED_BY_SITE),
    "findings-by-site-month": _sql_report(FINDINGS_BY_SITE_MONTH),
    "anonymous-rate": _sql_report(ANONYMOUS_RATE),
}


def run_report(db: str | Path, name: str, **params: Any) -> Table:
    """(columns, rows) of report `name` over the store at `db` (opened read-only).

    Raises StoreError for an unknown report or a database that cannot be opened.
    """
    report = REPORTS.get(name)
    if report is None:
        raise StoreError(f"unknown report {name!r}; known reports: {', '.join(REPORTS)}")
    if not Path(db).exists():
        raise StoreError(f"no store at {db}; create one with `sourcetrace batch INPUT... --db {db}`")
    with Store(db, read_only=True) as store:
        return report(store, **params)


def export_parquet(db: str | Path, out_dir: str | Path) -> list[Path]:
    """Write every table of the store at `db` to `out_dir/<table>.parquet`; returns the paths."""
    with Store(db, read_only=True) as store:
        return store.export_parquet(out_dir)


# -- formatting ------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def format_csv(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[_plain(v) for v in row] for row in rows])
    return out.getvalue()


def format_json(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    """A JSON array of objects, one per row."""
    return json.dumps([{c: _plain(v) for c, v in zip(columns, row)} for row in rows], ensure_ascii=False, indent=2)


def format_text(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    """An aligned plain-text table (numbers right-aligned)."""
    cells = [[("" if v is None else str(_plain(v))) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float)) or r[i] is None for r in rows) for i in range(len(columns))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(list(columns)), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out) + "\n"
