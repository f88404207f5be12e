"""HTTP request (form, upload, URL or JSON) -> `audit()` -> the HTML report or the `sourcetrace/1` JSON.

The app adds no audit logic: it validates and bounds the request (body size cap, one audit at a time
per worker thread, a per-request time limit), runs the library and maps its typed errors to HTTP
statuses with a JSON `{"error": {"code", "message"}}` body or an HTML error page. Never a traceback.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import secrets
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal, TypeVar
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from .. import SCHEMA, __version__
from ..errors import InputError, SourcetraceError
from ..model import Article
from ..settings import Settings
from . import pages
from .patterns import RE_UNSAFE_FILENAME

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AuditInput:
    """One thing to audit, as the client gave it: pasted text or HTML, an uploaded file, or a URL."""

    kind: Literal["text", "html", "file", "url"]
    value: str | bytes
    name: str | None = None  # an uploaded file's name, kept as document.source


Runner = Callable[[AuditInput, Settings], Article]


def run_audit(item: AuditInput, settings: Settings) -> Article:
    """The default runner: ingest the input the way the client labelled it, then run every stage.

    Raises what ingest and the pipeline raise (InputError / FetchError with a stable code, ...).
    Pasted text never goes through `ingest(str)`, which would read a str as a path: a client must not
    be able to make the server open a local file.
    """
    from ..ingest import ingest_bytes, ingest_text, ingest_url
    from ..pipeline import run

    if item.kind == "url":
        article = ingest_url(str(item.value), settings)
    elif item.kind == "html":
        data = item.value.encode("utf-8") if isinstance(item.value, str) else item.value
        article = ingest_bytes(data, settings, name=item.name, content_type="text/html; charset=utf-8")
    elif item.kind == "file":
        data = item.value if isinstance(item.value, bytes) else item.value.encode("utf-8")
        article = ingest_bytes(data, settings, name=item.name)
    else:
        article = ingest_text(str(item.value), settings, name=item.name)
    return run(article, settings)


class ClientError(Exception):
    """A request we answer with an error status; `code` is a stable slug (docs/server.md)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status, code, message)
        self.status, self.code, self.message = status, code, message


class BodyTooLarge(HTTPException):
    """Raised from inside `receive` when the streamed body passes the cap.

    An HTTPException subclass so that FastAPI's body parsing re-raises it instead of turning it into
    a generic 400 "error parsing the body".
    """

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {pages.human_size(limit)} (server.max_bytes)")


class BodyLimit:
    """ASGI middleware: refuse bodies above `max_bytes`, by Content-Length up front or while streaming."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: dict, receive: Callable, send: Callable) -> None:
        response = error_response(Request(scope), 413, "too-large", str(BodyTooLarge(self.max_bytes).detail))
        response.headers["Connection"] = "close"  # the unread rest of the body must not be parsed as a request
        await response(scope, receive, send)


# --- error mapping ---------------------------------------------------------------------------------

# InputError codes that get a status other than 400.
INPUT_STATUS = {"too-large": 413, "fetch-failed": 502}


def wants_json(request: Request) -> bool:
    """API routes answer in JSON; pages answer in HTML."""
    path = request.url.path
    return path.startswith("/api/") or path in ("/healthz", "/openapi.json")


def error_response(request: Request, status: int, code: str, message: str, *, corpus: bool = False) -> Response:
    if wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    if request.url.path == "/audit" and request.method == "POST":
        settings: Settings = request.app.state.settings
        body = pages.form_page(
            max_bytes=int(settings.get("server", "max_bytes")),
            allow_urls=bool(settings.get("server", "allow_urls")),
            corpus=corpus or request.app.state.db_path is not None,
            text=getattr(request.state, "text", ""),
            url=getattr(request.state, "url", ""),
            error=(status, code, message),
        )
    else:
        body = pages.error_page(status, code, message, corpus=corpus or request.app.state.db_path is not None)
    return html_response(body, status)


def html_response(body: str, status: int = 200, csp: str = pages.PAGE_CSP) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers={"Content-Security-Policy": csp})


def classify(exc: BaseException) -> tuple[int, str, str]:
    """(status, code, message) for an exception raised while auditing; logs the unexpected ones."""
    if isinstance(exc, ClientError):
        return exc.status, exc.code, exc.message
    if isinstance(exc, InputError):  # FetchError included: refused-url, fetch-failed, too-large
        return INPUT_STATUS.get(exc.code, 400), exc.code, str(exc)
    ref = secrets.token_hex(4)
    code = exc.code if isinstance(exc, SourcetraceError) else "internal"
    log.error("audit failed [ref %s]", ref, exc_info=exc)
    # Server-side errors (config, model, pipeline, bugs) may mention paths: the client gets a reference only.
    return 500, code, f"the audit failed on the server (reference {ref}); the server log has the details"


# --- the JSON API body -----------------------------------------------------------------------------


class AuditRequest(BaseModel):
    """Exactly one of `text`, `html` or `url`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"text": "“We will not stop,” the minister said. [1]\n\n[1] Interview, 2 May 2024."}]},
    )

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article page as HTML")
    url: str | None = Field(None, max_length=2048, description="a public http(s) URL to fetch (private addresses are refused)")

    @model_validator(mode="after")
    def one_input(self) -> AuditRequest:
        given = [k for k in ("text", "html", "url") if (getattr(self, k) or "").strip()]
        if len(given) != 1:
            raise ValueError(f"give exactly one of text, html or url (got {', '.join(given) or 'none'})")
        return self

    def to_input(self) -> AuditInput:
        if self.url and self.url.strip():
            return AuditInput("url", self.url.strip())
        if self.html and self.html.strip():
            return AuditInput("html", self.html)
        return AuditInput("text", self.text or "")


ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            "required": ["code", "message"],
        }
    },
}


def _error_doc(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


# --- the app ---------------------------------------------------------------------------------------


def create_app(
    settings: Settings | None = None,
    db_path: str | Path | None = None,
    *,
    runner: Runner | None = None,
) -> FastAPI:
    """The FastAPI app. `db_path` (a DuckDB corpus) turns on the /corpus view; `runner` replaces
    `run_audit` (tests, or a custom pipeline). Raises StoreError when `db_path` does not exist."""
    settings = settings or Settings()
    runner = runner or run_audit
    max_bytes = int(settings.get("server", "max_bytes"))
    timeout = float(settings.get("server", "timeout"))
    allow_urls = bool(settings.get("server", "allow_urls"))
    corpus_db = None
    if db_path is not None:
        from .corpus import Corpus

        corpus_db = Corpus(Path(db_path))  # checks the file now: a typo fails at start-up, not per request
    executor = ThreadPoolExecutor(max_workers=int(settings.get("server", "workers")), thread_name_prefix="sourcetrace-audit")

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        # A timed-out audit cannot be interrupted; do not wait for it on shutdown, drop queued ones.
        executor.shutdown(wait=False, cancel_futures=True)

    # FastAPIOffline serves Swagger UI's script and CSS from the package, not from a CDN: /docs works offline.
    app = FastAPIOffline(
        title="sourcetrace",
        version=__version__,
        description=(
            "How a news or opinion article sources its claims. `POST /api/audit` returns the "
            f"`{SCHEMA}` JSON contract, the same as `sourcetrace audit --json` (docs/formats.md). "
            'Errors are `{"error": {"code": ..., "message": ...}}` with a 4xx/5xx status.'
        ),
        lifespan=lifespan,
        redoc_url=None,
        static_url="/static-docs",
    )
    app.state.settings = settings
    app.state.db_path = db_path
    app.add_middleware(BodyLimit, max_bytes=max_bytes)

    async def in_worker(item: AuditInput, finish: Callable[[Article], T]) -> T:
        """Audit `item` and apply `finish` in a worker thread, within the time limit."""
        if item.kind == "url":
            check_url_input(str(item.value), allow_urls)

        def job() -> T:
            return finish(runner(item, settings))

        try:
            return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(executor, job), timeout)
        except TimeoutError:
            raise ClientError(
                504, "timeout", f"the audit took longer than {timeout:g} s (server.timeout); try a shorter article"
            ) from None
        except ClientError:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a status + code; bugs are logged
            raise ClientError(*classify(exc)) from None

    # -- errors --

    @app.exception_handler(ClientError)
    async def on_client_error(request: Request, exc: ClientError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        messages = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            messages.append(f"{where}: {msg}" if where else msg)
        return error_response(request, 422, "invalid-request", "; ".join(messages) or "invalid request")

    @app.exception_handler(HTTPException)
    async def on_http_error(request: Request, exc: HTTPException) -> Response:
        codes = {404: "not-found", 405: "method-not-allowed", 413: "too-large"}
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"there is no page at {request.url.path}"
        response = error_response(request, exc.status_code, codes.get(exc.status_code, "http-error"), message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> Response:
        # Starlette still re-raises after this response, so the server logs the traceback; the client
        # gets the JSON / HTML error only.
        return error_response(request, *classify(exc))

    # -- pages --

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def form() -> Response:
        return html_response(pages.form_page(max_bytes=max_bytes, allow_urls=allow_urls, corpus=corpus_db is not None))

    @app.post("/audit", response_class=HTMLResponse, include_in_schema=False)
    async def audit_form(request: Request) -> Response:
        item = await form_input(request, max_bytes)
        html = await in_worker(item, pages.report_page)  # a ClientError shows the form again, error on top
        return html_response(html, csp=pages.report_csp(html))

    # -- API --

    @app.post(
        "/api/audit",
        summary="Audit one article",
        response_description=f"the `{SCHEMA}` JSON contract (docs/formats.md)",
        responses={
            400: _error_doc("input that cannot be audited (empty, binary, no article) or a refused URL (`refused-url`)"),
            413: _error_doc("request body above server.max_bytes, or fetched page above fetch.max_bytes (`too-large`)"),
            422: _error_doc("not exactly one of text, html or url (`invalid-request`)"),
            502: _error_doc("the URL could not be fetched (`fetch-failed`)"),
            504: _error_doc("the audit took longer than server.timeout (`timeout`)"),
        },
    )
    async def api_audit(body: AuditRequest) -> JSONResponse:
        """Audit pasted text, HTML or a public URL and return the whole audit as JSON."""
        from ..report.json import to_dict

        return JSONResponse(await in_worker(body.to_input(), to_dict))

    @app.get("/healthz", summary="Liveness check")
    async def healthz() -> dict:
        return {"status": "ok", "version": __version__, "schema": SCHEMA, "corpus": corpus_db is not None}

    if corpus_db is not None:
        from .corpus_view import add_corpus_routes

        add_corpus_routes(app, corpus_db, settings)
    else:

        @app.get("/corpus", include_in_schema=False)
        @app.get("/corpus/search", include_in_schema=False)
        async def no_corpus() -> Response:
            raise ClientError(
                404, "no-corpus", "the corpus view needs a store: start the server with `sourcetrace serve --db corpus.duckdb`"
            )

    return app


def check_url_input(url: str, allow_urls: bool) -> None:
    """Refuse anything but an http(s) URL before it reaches the runner (`audit()` reads other strings as
    paths), and every URL when `server.allow_urls` is off. Raises ClientError(400, "refused-url").

    The address check itself (loopback, private, link-local, on every redirect hop) is ingest's.
    """
    if not allow_urls:
        raise ClientError(400, "refused-url", "this server does not fetch URLs (server.allow_urls = false); paste the text")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ClientError(400, "refused-url", f"refused URL {url!r}: only http:// and https:// URLs with a host are fetched")


async def form_input(request: Request, max_bytes: int) -> AuditInput:
    """The one input given in the multipart/urlencoded form. Raises ClientError(422) for none or several."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise ClientError(422, "invalid-request", "send the form as multipart/form-data (or use POST /api/audit with JSON)")
    # max_part_size: Starlette's default (1 MiB per text field) is lower than our body cap.
    async with request.form(max_files=1, max_fields=8, max_part_size=max_bytes) as form:
        text = form.get("text")
        url = form.get("url")
        upload = form.get("file")
        text = text if isinstance(text, str) else ""
        url = url.strip() if isinstance(url, str) else ""
        request.state.text, request.state.url = text, url  # refill the form if the audit fails
        data = b""
        filename = None
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read()
            filename = RE_UNSAFE_FILENAME.sub("_", Path(upload.filename).name)[:200] or "upload"
    given = [label for label, value in (("text", text.strip()), ("file", data), ("URL", url)) if value]
    if filename and not data:
        raise ClientError(400, "empty", f"the uploaded file {filename} is empty")
    if not given:
        raise ClientError(422, "invalid-request", "paste the article, choose a file or give a URL")
    if len(given) > 1:
        raise ClientError(422, "invalid-request", f"give only one of the three (got {' and '.join(given)}); clear the others")
    if url:
        return AuditInput("url", url)
    if data:
        return AuditInput("file", data, name=filename)
    return AuditInput("text", text)


def serve(host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None, db_path: str | Path | None = None) -> None:
    """Run the app with uvicorn until interrupted. Binds loopback unless `host` says otherwise.

    Raises StoreError when `db_path` is given but is not a readable store.
    """
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    app = create_app(settings, db_path)
    # The library logs to "sourcetrace" with only a NullHandler; a server process must show those
    # records (the 500 responses point the operator at them), so route them to uvicorn's stderr handler.
    log_config = copy.deepcopy(LOGGING_CONFIG)
    log_config["loggers"]["sourcetrace"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    uvicorn.run(app, host=host, port=port, log_config=log_config, server_header=False, proxy_headers=False)
