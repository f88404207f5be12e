"""The corpus store: batches of Articles and Failures -> one DuckDB file (tables in schema.sql).

Each `write_batch` is one transaction, so a killed process loses only the batch it was writing, and
`done_ids()` tells a re-run which inputs are already stored (resume).
"""

from __future__ import annotations

from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import duckdb

from ..errors import StoreError
from ..model import Article, Failure, Url
from ._rows import SCHEMA_VERSION, Rows, rows_for

# Insert/delete/export order; documents first so a reader never sees layers of an unknown document.
TABLES = ("documents", "regions", "attributions", "speakers", "references", "markers", "links", "findings", "failures")
LAYER_TABLES = TABLES[1:-1]
# The --check-links cache: keyed by URL, not by document, so rows are upserted (newest wins), never
# deleted with a document.
URL_CHECKS = "url_checks"
URL_CHECK_COLUMNS = ("url", "status", "final_url", "http_status", "reason", "checked_at")


def _q(name: str) -> str:
    """Quote an identifier ("references" is an SQL keyword)."""
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def schema_sql() -> str:
    return resources.files("sourcetrace.store").joinpath("schema.sql").read_text("utf-8")


class Store:
    """A DuckDB corpus database; use as a context manager: `with Store("corpus.duckdb") as store: ...`.

    Raises StoreError when the file cannot be opened (locked by another process, not a DuckDB file)
    or was written by another schema version.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(
                f"cannot open the store {self.path}: {exc}; is another sourcetrace process writing it?"
            ) from None
        if not read_only:
            self._con.execute(schema_sql())
            self._con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)]
            )
        found = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if found is None or found[0] != str(SCHEMA_VERSION):
            self._con.close()
            raise StoreError(
                f"{self.path} has store schema version {found[0] if found else 'none'}, this sourcetrace "
                f"writes version {SCHEMA_VERSION}; write to a new --db file or export and re-import"
            )
        self._types = {
            table: [(name, dtype) for name, dtype in self._con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()]
            for table in TABLES + (URL_CHECKS,)
        }

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    # -- writing ---------------------------------------------------------------------------------

    def write_batch(self, items: Sequence[Article | Failure], *, replace: bool = False) -> None:
        """Store `items` in one transaction. With `replace`, rows already stored for their ids go first.

        Raises StoreError (and stores nothing of the batch) when an id is already stored and
        `replace` is false, or on any database error.
        """
        self.write_rows(rows_for(items), replace=replace)

    def write_rows(self, rows: Rows, *, replace: bool = False) -> None:
        """Store rows built by `_rows.rows_for` (batch workers build them) in one transaction.

        A `url_checks` entry (columns URL_CHECK_COLUMNS) is upserted in the same transaction: the
        link checks made while auditing a batch are stored exactly when the batch is.
        """
        self._transaction(lambda: self._insert(rows, replace))

    def load_parquet(self, part_dir: str | Path, *, replace: bool = False) -> None:
        """Load one partition written by `export_parquet` (a Dask worker's output) in one transaction."""
        part = Path(part_dir)

        def load() -> None:
            if replace:
                ids = [r[0] for r in self._con.execute(
                    f"SELECT id FROM read_parquet({_literal(str(part / 'documents.parquet'))}) UNION ALL "
                    f"SELECT doc_id FROM read_parquet({_literal(str(part / 'failures.parquet'))})").fetchall()]
                self._delete(ids)
            for table in TABLES:
                path = part / f"{table}.parquet"
                if path.exists():
                    self._con.execute(
                        f"INSERT INTO {_q(table)} BY NAME SELECT * FROM read_parquet({_literal(str(path))})"
                    )
            path = part / f"{URL_CHECKS}.parquet"
            if path.exists():
                # One row per URL, the newest: an upsert may not touch the same key twice.
                self._con.execute(
                    f"INSERT OR REPLACE INTO {URL_CHECKS} BY NAME SELECT * FROM read_parquet({_literal(str(path))}) "
                    "QUALIFY row_number() OVER (PARTITION BY url ORDER BY checked_at DESC) = 1"
                )

        self._transaction(load)

    def _transaction(self, body: Any) -> None:
        try:
            self._con.execute("BEGIN TRANSACTION")
            body()
            self._con.execute("COMMIT")
        except duckdb.Error as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(f"writing to {self.path} failed, the batch was rolled back: {exc}") from None
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    def _insert(self, rows: Rows, replace: bool) -> None:
        if replace:
            ids = rows.get("documents", {}).get("id", []) + rows.get("failures", {}).get("doc_id", [])
            self._delete(ids)
        for table in TABLES:
            if rows.get(table):
                self._insert_columns(table, rows[table], "INSERT")
        checks = rows.get(URL_CHECKS)
        if checks:
            self._insert_columns(URL_CHECKS, _newest_per_url(checks), "INSERT OR REPLACE")

    def _insert_columns(self, table: str, columns: dict[str, list[Any]], verb: str) -> None:
        names, params, selects = [], [], []
        for name, dtype in self._types[table]:
            if name in columns:
                names.append(_q(name))
                params.append(columns[name])
                selects.append(f"unnest(${len(params)}::{dtype}[])")
        unknown = set(columns) - {name for name, _ in self._types[table]}
        if unknown:
            raise StoreError(f"no column(s) {', '.join(sorted(unknown))} in table {table}")
        self._con.execute(f"{verb} INTO {_q(table)} ({', '.join(names)}) SELECT {', '.join(selects)}", params)

    def _delete(self, ids: list[str]) -> None:
        if not ids:
            return
        for table in LAYER_TABLES:
            self._con.execute(f"DELETE FROM {_q(table)} WHERE article_id IN (SELECT unnest($1::VARCHAR[]))", [ids])
        self._con.execute("DELETE FROM documents WHERE id IN (SELECT unnest($1::VARCHAR[]))", [ids])
        self._con.execute("DELETE FROM failures WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))", [ids])

    # -- reading ---------------------------------------------------------------------------------

    def done_ids(self) -> set[str]:
        """Ids stored in documents or failures: what a resumed batch skips."""
        result = self._con.execute("SELECT id FROM documents UNION ALL SELECT doc_id FROM failures")
        done: set[str] = set()
        while chunk := result.fetchmany(100_000):
            done.update(row[0] for row in chunk)
        return done

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Run `sql` (positional or named parameters) and return (column names, rows); raises StoreError."""
        try:
            cursor = self._con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from None
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()

    def iter_rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None, *,
                  size: int = 50_000) -> Iterator[tuple]:
        """The rows of `sql`, fetched `size` at a time (for reports over millions of rows)."""
        try:
            cursor = self._con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from None
        while chunk := cursor.fetchmany(size):
            yield from chunk

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self._con.execute(f"SELECT count(*) FROM {_q(t)}").fetchone()[0] for t in TABLES}

    # -- export and the link-check cache -----------------------------------------------------------

    def export_parquet(self, out_dir: str | Path) -> list[Path]:
        """Write every table to `out_dir/<table>.parquet` (DuckDB's own writer) and return the paths."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for table in TABLES + ("url_checks",):
            path = out / f"{table}.parquet"
            self._con.execute(f"COPY {_q(table)} TO {_literal(str(path))} (FORMAT parquet)")
            paths.append(path)
        return paths

    def url_checks(self, urls: Iterable[str]) -> dict[str, Url]:
        """Stored --check-links results for `urls` (those never checked are absent)."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return {}
        rows = self._con.execute(
            "SELECT url, status, final_url, http_status, reason FROM url_checks "
            "WHERE url IN (SELECT unnest($1::VARCHAR[]))", [wanted]).fetchall()
        return {r[0]: Url(url=r[0], status=r[1], final_url=r[2], http_status=r[3], reason=r[4] or "") for r in rows}

    def put_url_checks(self, checked: Iterable[Url]) -> None:
        """Store live-check results (newest wins), one transaction."""
        rows = {u.url: u for u in checked}
        if not rows:
            return
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        urls = list(rows.values())
        columns = {"url": [u.url for u in urls], "status": [u.status for u in urls],
                   "final_url": [u.final_url for u in urls], "http_status": [u.http_status for u in urls],
                   "reason": [u.reason for u in urls], "checked_at": [now] * len(urls)}
        self._transaction(lambda: self._insert_columns(URL_CHECKS, columns, "INSERT OR REPLACE"))

    def n_url_checks(self) -> int:
        """Rows in url_checks (URLs with a stored live check)."""
        return self._con.execute(f"SELECT count(*) FROM {URL_CHECKS}").fetchone()[0]

    def copy_url_checks(self, path: str | Path) -> int:
        """Copy the url_checks table into a new store file at `path` and return its rows.

        Batch worker processes read earlier checks from such a copy: DuckDB lets one process
        write a file and no other process open it, even read-only, while it does.
        """
        Store(path).close()  # a new, empty store: schema and version, so Store(path, read_only=True) opens it
        self._con.execute(f"ATTACH {_literal(str(path))} AS url_checks_copy")
        try:
            self._con.execute(f"INSERT INTO url_checks_copy.{URL_CHECKS} SELECT * FROM {URL_CHECKS}")
            self._con.execute("CHECKPOINT url_checks_copy")
        finally:
            self._con.execute("DETACH url_checks_copy")
        with Store(path, read_only=True) as copy:
            return copy.n_url_checks()


def _newest_per_url(columns: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`columns` with one row per url, the last given (INSERT OR REPLACE refuses a key twice)."""
    last = {url: i for i, url in enumerate(columns["url"])}
    if len(last) == len(columns["url"]):
        return columns
    keep = sorted(last.values())
    return {name: [values[i] for i in keep] for name, values in columns.items()}
