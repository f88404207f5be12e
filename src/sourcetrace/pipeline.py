"""The pipeline: ingest one input into an Article, then run the stages in order.

Each stage is a pure function `stage(article, settings) -> Article` that declares the layers it
`requires` and `assigns`; `run()` checks both, so a stage that is reordered or returns the wrong thing
fails loudly at the stage boundary instead of producing a quietly empty layer downstream.
"""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Literal

from .errors import PipelineError, SourcetraceError
from .limits import check_deadline, time_limit
from .model import Article, Failure
from .settings import Settings

StageFn = Callable[[Article, Settings], Article]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


def default_stages(settings: Settings) -> tuple[Stage, ...]:
    """The standard stage list. Imports are local so `import sourcetrace` stays cheap."""
    from .attributions import find_attributions, resolve_speakers
    from .checks import run_checks
    from .extract import extract_regions
    from .link import link_attributions
    from .references import find_references
    from .tokenize import tokenize

    stages = [
        Stage("extract", extract_regions, (), ("regions", "document")),
        Stage("tokenize", tokenize, ("regions",), ("tokens",)),
        Stage("attributions", find_attributions, ("regions", "tokens"), ("attributions", "quoted_terms")),
        Stage("speakers", resolve_speakers, ("attributions",), ("speakers", "attributions")),
        Stage("references", find_references, ("regions",), ("references", "markers")),
    ]
    if settings.get("links", "check"):
        from .references.liveness import check_links

        stages.append(Stage("check-links", check_links, ("references",), ("references",)))
    stages += [
        Stage("link", link_attributions, ("attributions", "markers", "references"), ("links",)),
        Stage("checks", run_checks, ("links", "speakers"), ("findings",)),
    ]
    return tuple(stages)


def run(
    article: Article, settings: Settings, stages: Iterable[Stage] | None = None, *, deadline: float | None = None
) -> Article:
    """Run `stages` (default: all) over an ingested Article and return the finished Article.

    Raises PipelineError when a stage's requirement was not assigned by an earlier stage or when a
    stage returns something other than an Article; other SourcetraceErrors pass through. With a
    `deadline` (a time.monotonic() value), PipelineError(code="timeout") when a stage is about to start
    after it: the cooperative time limit for threads, where no signal can interrupt a document. Stages
    with long loops also check it inside (`limits.check_deadline`).
    """
    with time_limit(deadline):
        done = {"text", "document", "hyperlinks"}
        for stage in stages if stages is not None else default_stages(settings):
            check_deadline(f"before stage {stage.name!r}")
            missing = [layer for layer in stage.requires if layer not in done]
            if missing:
                raise PipelineError(f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
            result = stage.fn(article, settings)
            if not isinstance(result, Article):
                raise PipelineError(f"stage {stage.name!r} returned {type(result).__name__}, not an Article")
            if result.text != article.text:
                raise PipelineError(f"stage {stage.name!r} changed the article text; stages may only add layers")
            article = result
            done.update(stage.assigns)
        return article


def audit(source: object, settings: Settings | None = None, *, name: str | None = None) -> Article:
    """Audit one article: `source` is a path, a URL, "-" (stdin), bytes, or an Article already ingested.

    Raises InputError (or FetchError) when the input cannot be audited.
    """
    from .ingest import ingest

    settings = settings or Settings()
    article = source if isinstance(source, Article) else ingest(source, settings, name=name)
    return run(article, settings)


def audit_many(
    items: Iterable[object],
    settings: Settings | None = None,
    *,
    on_error: Literal["record", "raise"] = "record",
) -> Iterator[Article | Failure]:
    """Audit each item lazily; with on_error="record" a bad item yields a Failure and the rest goes on."""
    settings = settings or Settings()
    stages = default_stages(settings)
    from .ingest import ingest

    for index, item in enumerate(items):
        doc_id = _doc_id(item, index)
        stage = "ingest"
        try:
            article = item if isinstance(item, Article) else ingest(item, settings)
            stage = "pipeline"
            yield run(article, settings, stages)
        except Exception as exc:  # noqa: BLE001 - batch mode records every failure and goes on
            if on_error == "raise":
                raise
            yield failure_from(doc_id, stage, exc)


def _doc_id(item: object, index: int) -> str:
    """A name for `item` in Failure records: its id, its path or URL, or its position for raw bytes."""
    if isinstance(item, Article) and item.id:
        return item.id
    if isinstance(item, (bytes, bytearray, Article)):
        return f"#{index}"
    return str(item)[:200]


def failure_from(doc_id: str, stage: str, exc: BaseException) -> Failure:
    """A Failure record for `exc`; unexpected exceptions get code "internal" and a traceback digest."""
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    digest = hashlib.sha1(tb.encode("utf-8", "replace")).hexdigest()[:12]
    code = exc.code if isinstance(exc, SourcetraceError) else "internal"
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not isinstance(exc, SourcetraceError):
        message = f"{type(exc).__name__}: {message}"
    return Failure(doc_id=doc_id, stage=stage, code=code, message=message, digest=digest)
