"""NiceGUI's own files (Vue, Quasar, socket.io, the components' scripts), served from memory.

A phone that scans the QR code for the first time downloads about 1.4 MB of them. NiceGUI serves
them from disk through the whole middleware stack and gzips each one at level 9 on every request:
about 180 ms of server time per new phone, while its page costs about 20 ms. A hall of 600 phones
arriving at once waited two minutes behind that. These files never change while a version runs
(NiceGUI marks them `immutable`), so the first answer for each address is kept — compressed once —
and every later phone gets those bytes straight away.

Concurrent first requests for one file wait for the first answer rather than each compressing it.
Kept: 200 answers to plain GET requests that the app marks immutable, without their cookies (the
session cookie is the browser's own; a file must never hand one phone's to another). Requests with
a range or a condition, and everything else, go through as before.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Headers a kept answer repeats; the rest (cookies, date, chunking) belong to one response.
KEPT_HEADERS = (b"content-type", b"content-encoding", b"cache-control", b"etag", b"last-modified")
MAX_FILE = 4 * 2**20  # bytes: larger files (none that a page of atelier loads) are not kept
MAX_TOTAL = 48 * 2**20
CONDITIONS = ("range", "if-none-match", "if-modified-since", "if-range")


@dataclass(frozen=True)
class KeptFile:
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ImmutableFiles:
    """Plain ASGI middleware: outermost, so a kept file costs no other middleware's work."""

    def __init__(self, app: ASGIApp, prefix: str) -> None:
        self.app = app
        self.prefix = prefix  # where the files live, e.g. « /_nicegui/3.18.0/ »
        self.kept: dict[tuple[str, str, bool], KeptFile] = {}
        self._filling: dict[tuple[str, str, bool], asyncio.Event] = {}
        self.total = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        filling = self._filling.get(key)
        if filling is not None:  # a hall scans the QR code at once: one compression, the others wait for it
            await filling.wait()
        kept = self.kept.get(key)
        if kept is not None:
            await _answer(kept, send)
            return
        if filling is not None:  # the first answer was not one to keep (a 404, an error): each asks for itself
            await self.app(scope, receive, send)
            return
        self._filling[key] = done = asyncio.Event()
        try:
            await self.app(scope, receive, self._keeping(key, send))
        finally:
            del self._filling[key]
            done.set()

    def _key(self, scope: Scope) -> tuple[str, str, bool] | None:
        """(path, query, gzip accepted) of a request a kept file may answer; None for any other."""
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(self.prefix):
            return None
        headers = Headers(scope=scope)
        if any(name in headers for name in CONDITIONS):
            return None
        return (scope["path"], scope.get("query_string", b"").decode("latin-1"),
                "gzip" in headers.get("accept-encoding", ""))

    def _keeping(self, key: tuple[str, str, bool], send: Send) -> Send:
        """Pass the answer on, and keep it if it is a whole immutable file of a sensible size."""
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def sending(message: Message) -> None:
            nonlocal start, size
            await send(message)
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and start is not None:
                body = message.get("body", b"")
                size += len(body)
                if size > MAX_FILE:
                    start = None
                    return
                chunks.append(body)
                if not message.get("more_body", False):
                    self._keep(key, start, b"".join(chunks))

        return sending

    def _keep(self, key: tuple[str, str, bool], start: Message, body: bytes) -> None:
        headers = Headers(raw=start.get("headers", []))
        if start["status"] != 200 or "immutable" not in headers.get("cache-control", "") \
                or self.total + len(body) > MAX_TOTAL or key in self.kept:
            return
        raw = [(name, value) for name, value in start.get("headers", []) if name.lower() in KEPT_HEADERS]
        raw += [(b"content-length", str(len(body)).encode()), (b"vary", b"Accept-Encoding")]
        self.kept[key] = KeptFile(raw, body)
        self.total += len(body)


async def _answer(kept: KeptFile, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
    await send({"type": "http.response.body", "body": kept.body})
