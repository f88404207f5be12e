"""An ASGI app -> a real uvicorn server on a free loopback port, in a thread, for tests and demos.

    with running(create_app(settings)) as base_url:
        httpx.post(base_url + "/api/audit", json={"text": ...})
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator

STARTUP_TIMEOUT = 20.0  # seconds; uvicorn starts in well under one on an idle machine


@contextmanager
def running(app: Any, *, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `app` on `host` and an OS-chosen port until the block ends; yields "http://host:port".

    Raises RuntimeError when the server does not start within STARTUP_TIMEOUT.
    """
    import uvicorn

    config = uvicorn.Config(app, host=host, port=0, log_level="warning", lifespan="on", server_header=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="sourcetrace-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
