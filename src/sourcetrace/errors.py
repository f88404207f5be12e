"""The exception tree for bad input or bad use, and its code catalogue.

A defect *in the article* is a Finding, never an exception (see checks/). Exceptions are for input we
cannot audit (empty, binary, refused URL), bad settings, missing models and store problems. Each error
has a stable `code` used in batch-mode Failures and in CLI exit-code mapping.
"""

from __future__ import annotations


class SourcetraceError(Exception):
    """Base class; `code` is a stable slug, the message says what we got, what is allowed, what to try."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class InputError(SourcetraceError):
    """The input cannot be audited: missing, empty, binary, too large, not an article, refused URL."""

    code = "bad-input"


class FetchError(InputError):
    """A URL could not be fetched (refused address, timeout, HTTP error, too large)."""

    code = "fetch-failed"


class ConfigError(SourcetraceError):
    code = "bad-config"


class ModelError(SourcetraceError):
    code = "model"


class StoreError(SourcetraceError):
    code = "store"


class PipelineError(SourcetraceError):
    """A stage broke its contract (missing requirement, returned something other than an Article)."""

    code = "pipeline"


# Stable input-error codes (documented in docs/cli.md); values are never renamed once released.
INPUT_CODES = {
    "not-found": "the file does not exist",
    "empty": "the input has no text",
    "binary": "the input looks like binary data, not text or HTML",
    "too-large": "the input is larger than settings.ingest.max_bytes",
    "undecodable": "the input's encoding could not be detected",
    "no-article": "no article text was found (e.g. an HTML page with no body text)",
    "refused-url": "the URL points at a loopback, private or otherwise refused address",
    "fetch-failed": "the URL could not be fetched",
}
