"""The web app: a form and a JSON API in front of `audit()`; HTML report or `sourcetrace/1` JSON out.

Install with the `server` extra (fastapi, uvicorn, python-multipart). `create_app()` builds the ASGI app,
`serve()` runs it with uvicorn, bound to 127.0.0.1 unless told otherwise. docs/server.md has the routes.
"""

from .app import AuditInput, create_app, serve

__all__ = ["AuditInput", "create_app", "serve"]
