"""The per-document time limit, where long loops inside a stage can see it.

`pipeline.run` sets the deadline for the document it is running. It is a context variable, so each
thread has its own. Stages call `check_deadline` once per unit of work (a paragraph's sequence, a
reference entry). A document in a Dask worker thread, where no signal can interrupt it, then stops
inside a long stage too, not only between stages.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import PipelineError

_DEADLINE: ContextVar[float | None] = ContextVar("sourcetrace_deadline", default=None)


@contextmanager
def time_limit(deadline: float | None) -> Iterator[None]:
    """Within the block, `check_deadline` raises once time.monotonic() passes `deadline` (None: no limit)."""
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline(where: str) -> None:
    """Raise PipelineError(code="timeout") when the current document's deadline has passed; `where`
    completes "stopped ..." in the message ("in references", "before stage 'link'")."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        raise PipelineError(f"the document ran past its time limit; stopped {where}", code="timeout")
