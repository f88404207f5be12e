"""A corpus store (DuckDB, store/schema.sql) -> the rows the corpus view shows; every server query is here.

Read-only, parameterised SQL only (user input never becomes SQL text). The store is opened per request
and closed at once, so a `sourcetrace batch --db` run can write the file between page views.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import StoreError
from ..store import Store
from ..store.queries import UNKNOWN_SITE, top_speakers
from .patterns import RE_LIKE_SPECIAL

# Quotations counted for the "unsourced" share: the same definition as `sourcetrace query
# unsourced-by-site` (store/queries.py) so the chart and the CLI report agree.
QUOTE_KINDS = ("direct", "mixed")

OVERVIEW_SQL = """
SELECT (SELECT count(*) FROM documents),
       (SELECT count(DISTINCT site) FROM documents),
       (SELECT count(*) FROM attributions),
       (SELECT count(*) FROM findings),
       (SELECT count(*) FROM failures)
"""

FINDINGS_BY_SITE_SQL = f"""
SELECT coalesce(d.site, '{UNKNOWN_SITE}') AS site, f.code, count(*) AS n
FROM findings f JOIN documents d ON d.id = f.article_id
GROUP BY ALL ORDER BY site, f.code
"""

# Per site and month: articles, quotations, unsourced quotations, URLs, URLs checked live, dead URLs. Undated articles
# (no YYYY-MM date) cannot be placed on a time axis and are left out here (counted by UNDATED_SQL).
MONTHLY_SQL = f"""
WITH docs AS (
    SELECT id, coalesce(site, '{UNKNOWN_SITE}') AS site, left(date, 7) AS month
    FROM documents WHERE regexp_matches(coalesce(date, ''), '^\\d{{4}}-\\d{{2}}')
), counts AS (
    SELECT site, month, count(*) AS articles FROM docs GROUP BY ALL
), quotes AS (
    SELECT d.site, d.month, count(*) AS quotations,
           count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM links l WHERE l.article_id = a.article_id AND l.attribution = a.id)) AS unsourced
    FROM attributions a JOIN docs d ON d.id = a.article_id
    WHERE a.kind IN ({", ".join("'" + k + "'" for k in QUOTE_KINDS)})
    GROUP BY ALL
), urls AS (
    SELECT d.site, d.month, count(*) AS urls,
           count(*) FILTER (WHERE s.status IN ('live', 'redirected', 'dead', 'blocked')) AS checked,
           count(*) FILTER (WHERE s.status = 'dead') AS dead
    FROM (SELECT article_id, unnest(url_statuses) AS status FROM "references") s
    JOIN docs d ON d.id = s.article_id
    GROUP BY ALL
)
SELECT c.site, c.month, c.articles, coalesce(q.quotations, 0), coalesce(q.unsourced, 0),
       coalesce(u.urls, 0), coalesce(u.checked, 0), coalesce(u.dead, 0)
FROM counts c LEFT JOIN quotes q USING (site, month) LEFT JOIN urls u USING (site, month)
ORDER BY c.site, c.month
"""

UNDATED_SQL = "SELECT count(*) FROM documents WHERE NOT regexp_matches(coalesce(date, ''), '^\\d{4}-\\d{2}')"

# Speaker matches the canonical name or any alias of the speaker in that article.
SEARCH_SQL = """
SELECT a.speaker, a.content_text, a.kind, d.title, coalesce(d.site, '""" + UNKNOWN_SITE + """'), d.date, d.url,
       a.article_id, a.id
FROM attributions a
JOIN documents d ON d.id = a.article_id
LEFT JOIN speakers s ON s.article_id = a.article_id AND s.id = a.speaker_id
WHERE (CAST($speaker AS VARCHAR) IS NULL
       OR a.speaker ILIKE $speaker ESCAPE '\\'
       OR array_to_string(s.aliases, ' | ') ILIKE $speaker ESCAPE '\\')
  AND (CAST($text AS VARCHAR) IS NULL OR a.content_text ILIKE $text ESCAPE '\\')
ORDER BY d.date DESC NULLS LAST, a.article_id, a.content_start
LIMIT $limit
"""


@dataclass(frozen=True, slots=True)
class Overview:
    documents: int
    sites: int
    attributions: int
    findings: int
    failures: int


@dataclass(frozen=True, slots=True)
class MonthRow:
    site: str
    month: str  # "YYYY-MM"
    articles: int
    quotations: int
    unsourced: int
    urls: int
    checked: int  # URLs checked live (statuses live/redirected/dead/blocked, only with --check-links)
    dead: int


@dataclass(frozen=True, slots=True)
class Quotation:
    speaker: str | None
    text: str
    kind: str
    title: str | None
    site: str
    date: str | None
    url: str | None
    article_id: str
    attribution_id: str


class Corpus:
    """The DuckDB file behind the corpus view. Raises StoreError now if it is missing or unreadable."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise StoreError(f"no corpus store at {path}; create one with `sourcetrace batch INPUT... --db {path}`")
        with self.open():
            pass

    @contextmanager
    def open(self) -> Iterator[Store]:
        store = Store(self.path, read_only=True)
        try:
            yield store
        finally:
            store.close()


def overview(store: Store) -> Overview:
    _, rows = store.query(OVERVIEW_SQL)
    return Overview(*(int(v or 0) for v in rows[0]))


def speakers(store: Store, limit: int) -> list[tuple[str, int, int]]:
    """(speaker, attributions, articles), most quoted first, aliases merged as in `sourcetrace query top-speakers`."""
    columns, rows = top_speakers(store, limit=limit)
    at = {c: i for i, c in enumerate(columns)}
    return [(r[at["speaker"]], int(r[at["attributions"]]), int(r[at["articles"]])) for r in rows]


def findings_by_site(store: Store, limit: int) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """(codes, [(site, count per code)]) for the `limit` sites with most findings; codes by frequency."""
    _, rows = store.query(FINDINGS_BY_SITE_SQL)
    per_code: dict[str, int] = {}
    per_site: dict[str, dict[str, int]] = {}
    for site, code, n in rows:
        per_code[code] = per_code.get(code, 0) + n
        per_site.setdefault(site, {})[code] = n
    codes = sorted(per_code, key=lambda c: (-per_code[c], c))
    sites = sorted(per_site, key=lambda s: (-sum(per_site[s].values()), s))[:limit]
    return codes, [(s, [per_site[s].get(c, 0) for c in codes]) for s in sites]


def monthly(store: Store) -> tuple[list[MonthRow], int]:
    """Per site and month counts (dated articles only), and how many articles are undated."""
    _, rows = store.query(MONTHLY_SQL)
    _, undated = store.query(UNDATED_SQL)
    return [MonthRow(*r) for r in rows], int(undated[0][0])


def like_pattern(term: str) -> str | None:
    """A case-insensitive "contains" LIKE pattern for user text (its % and _ taken literally), None if blank."""
    term = " ".join(term.split())
    return "%" + RE_LIKE_SPECIAL.sub(r"\\\1", term) + "%" if term else None


def search(store: Store, *, speaker: str = "", text: str = "", limit: int = 50) -> list[Quotation]:
    """Quotations whose speaker (name or alias) and content contain the given terms, newest first."""
    params = {"speaker": like_pattern(speaker), "text": like_pattern(text), "limit": int(limit)}
    _, rows = store.query(SEARCH_SQL, params)  # type: ignore[arg-type] - duckdb takes named parameters as a dict
    return [Quotation(*r) for r in rows]
