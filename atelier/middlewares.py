"""NiceGUI's three per-request middlewares, rewritten as plain ASGI.

NiceGUI writes them with Starlette's `BaseHTTPMiddleware`, which runs every request's handler in a
task group of its own and streams its response through memory channels: three times per request,
about a millisecond of the server's time that a full hall's joins and page loads wait behind. These
do the same work in the request's own task. `install()` swaps them in at start-up (NiceGUI adds its
own when `ui.run` starts); the test `tests/test_middlewares.py` checks they behave like NiceGUI's.
"""

from __future__ import annotations

import uuid
from typing import Any

from nicegui import app, core
from nicegui.middlewares import RedirectWithPrefixMiddleware, SetCacheControlMiddleware
from nicegui.storage import RequestTrackingMiddleware, request_contextvar
from nicegui.version import __version__
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NICEGUI_FILES = f"/_nicegui/{__version__}/"
DYNAMIC_FILES = f"/_nicegui/{__version__}/dynamic_resources/"


class _HttpMiddleware:
    """Plain ASGI: websockets and the lifespan pass through; `handle` sees each HTTP request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.handle(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class RequestTracking(_HttpMiddleware):
    """What `RequestTrackingMiddleware` does: the request for `app.storage`, the browser's id in its
    session cookie, its per-browser storage created, and the count of its requests in flight."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        request_contextvar.set(request)
        if "id" not in request.session:
            request.session["id"] = str(uuid.uuid4())
        request.state.responded = False
        session_id = request.session["id"]
        storage = core.app.storage
        storage._active_request_sessions[session_id] += 1
        try:
            if session_id not in storage._users:
                await storage._create_user_storage(session_id)

            async def sending(message: Message) -> None:
                if message["type"] == "http.response.start":
                    request.state.responded = True  # the response is built: the session cookie is set
                await send(message)

            await self.app(scope, receive, sending)
        finally:
            storage._active_request_sessions[session_id] -= 1
            if storage._active_request_sessions[session_id] <= 0:
                del storage._active_request_sessions[session_id]


class _ResponseHeaders(_HttpMiddleware):
    """Base for a middleware that only changes the headers of a response."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.change(scope, MutableHeaders(scope=message))
            await send(message)

        await self.app(scope, receive, sending)

    def change(self, scope: Scope, headers: MutableHeaders) -> None:
        raise NotImplementedError


class RedirectWithPrefix(_ResponseHeaders):
    """What `RedirectWithPrefixMiddleware` does: a redirect behind a proxy keeps the proxy's prefix."""

    def change(self, scope: Scope, headers: MutableHeaders) -> None:
        prefix = Headers(scope=scope).get("X-Forwarded-Prefix", "")
        location = headers.get("Location")
        if location is not None and location.startswith("/"):
            headers["Location"] = prefix + location


class SetCacheControl(_ResponseHeaders):
    """What `SetCacheControlMiddleware` does: NiceGUI's own versioned files are cached by browsers."""

    def change(self, scope: Scope, headers: MutableHeaders) -> None:
        if versioned_file(scope["path"]):
            headers["Cache-Control"] = core.app.config.cache_control_directives


def versioned_file(path: str) -> bool:
    """One of NiceGUI's own files, which never change while a version runs."""
    return path.startswith(NICEGUI_FILES) and not path.startswith(DYNAMIC_FILES)


class TwoLevelGzip(GZipMiddleware):
    """Answers are gzipped at level 1, not Starlette's 9: a phone's 23 kB page then costs the server
    0.3 ms instead of 0.8 (5 % of a join), for 7.6 kB sent instead of 6.8 on a local network. NiceGUI's
    own files stay at level 9: they are compressed once and kept (`immutable_files`), and a first phone
    downloads 346 kB of them instead of 410."""

    def __init__(self, app: ASGIApp, minimum_size: int = 500) -> None:
        super().__init__(app, minimum_size=minimum_size, compresslevel=1)
        self.files = GZipMiddleware(app, minimum_size=minimum_size, compresslevel=9)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and versioned_file(scope["path"]):
            await self.files(scope, receive, send)
        else:
            await super().__call__(scope, receive, send)


REPLACEMENTS: dict[Any, Any] = {
    RequestTrackingMiddleware: RequestTracking,
    RedirectWithPrefixMiddleware: RedirectWithPrefix,
    SetCacheControlMiddleware: SetCacheControl,
}


def replaced(middleware: list[Middleware]) -> list[Middleware]:
    return [Middleware(REPLACEMENTS[m.cls]) if m.cls in REPLACEMENTS else m for m in middleware]


def add_outermost(middleware: Any, **options: Any) -> None:
    """Call at start-up: `middleware` sees each request before any other."""
    app.user_middleware.insert(0, Middleware(middleware, **options))
    app.middleware_stack = None


def install() -> None:
    """Call at start-up: the stack is built again, with these, for the next request."""
    app.user_middleware[:] = replaced(app.user_middleware)
    app.middleware_stack = None
