"""The request-handler base for the tests' local HTTP servers (conftest's `serve_http` runs them)."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler


class QuietHandler(BaseHTTPRequestHandler):
    """A handler that answers in one call and keeps pytest's output free of access-log lines."""

    def reply(self, status: int, body: bytes = b"", *, content_type: str | None = None,
              headers: dict[str, str] | None = None, send_body: bool = True) -> None:
        """Status, headers (Content-Length always: `body`'s length) and, unless `send_body` is false
        (a HEAD answer), the body. A client that hung up before the body (a timeout test) is no error."""
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            try:
                self.wfile.write(body)
            except OSError:
                pass

    def log_message(self, *args) -> None:
        pass
