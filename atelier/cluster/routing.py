"""Inside each worker: its pages name it, and a démarche's requests reach the worker that serves it.

The proxy sends `/j/CODE`, `/p/CODE` and `/f/CODE…` by a hash of the code, and `/wN/…` to worker N
(or, if N is down, to another). Every page a worker builds loads its files and opens its websocket
under `/wN/` (NiceGUI's `X-Forwarded-Prefix`), so a page keeps talking to the process holding it.
A request for a démarche another live worker serves is sent there (307 to `/wN/…`); one for a
démarche nobody serves (new, or its worker died) is taken here, from the database — or, if another
live worker serves fewer démarches, sent there to be taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from starlette.types import ASGIApp, Receive, Scope, Send

from atelier.cluster import WORKER_NAME
from atelier.domain.codes import is_well_formed, normalise_code

if TYPE_CHECKING:
    from atelier.cluster.ownership import SessionOwnership

SESSION_PATH = re.compile(r"^/[jpf]/([^/]+)(?:/|$)")
PINNED = b"x-atelier-pinned"  # set by the proxy for /wN/… (deploy/nginx/atelier.conf)


class OwnerRouting:
    def __init__(self, app: ASGIApp, *, ownership: SessionOwnership, forget: Callable[[str], None]) -> None:
        self.app = app
        self.ownership = ownership
        self.forget = forget  # drop a démarche's copy in memory: it was served elsewhere meanwhile
        self.prefix = f"/{ownership.worker}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        pinned = any(k == PINNED and v for k, v in scope["headers"])  # asked by name: serve, do not place
        headers = [(k, v) for k, v in scope["headers"] if k != b"x-forwarded-prefix"]
        scope = {**scope, "headers": [*headers, (b"x-forwarded-prefix", self.prefix)]}
        elsewhere = await self._owner_elsewhere(scope["path"], place=not pinned)
        if elsewhere is None:
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        location = f"/{elsewhere}{scope['path']}" + (f"?{query}" if query else "")
        await send({"type": "http.response.start", "status": 307,
                    "headers": [(b"location", location.encode("utf-8")), (b"cache-control", b"no-store"),
                                (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    async def _owner_elsewhere(self, path: str, *, place: bool) -> str | None:
        """The worker to send this request to, if it is about a démarche another worker serves."""
        match = SESSION_PATH.match(path)
        if match is None:
            return None
        code = normalise_code(match[1])
        if not is_well_formed(code):
            return None
        claim = await self.ownership.claim(code, place=place)
        if claim is None:
            return None  # no such démarche: this worker says so
        if claim.taken_now:
            self.forget(code)
        if claim.owner == self.ownership.worker or not WORKER_NAME.match(claim.owner):
            return None
        return claim.owner
