"""What the server keeps per browser, kept as small as the hall: nothing for a page that never connects.

NiceGUI creates a per-browser storage (`app.storage.user`) for every request whose cookie it has not
seen, and keeps it in memory for good. A phone's identity no longer needs it (see
`participant.device_participant_id`), so for almost every browser it stays empty: an empty one that no
request is using is dropped, and comes back, empty, if that browser asks again. Only the facilitator's
browsers hold something (the unlocked token), and those stay. A page that never opens its websocket
is deleted by NiceGUI itself after a minute (`Client.prune_instances`).
"""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path
from typing import Any

from nicegui import Client, app

PRUNE_EVERY = 10.0  # seconds, as NiceGUI's own pruning of pages that never connected
PRIVATE_FILES = 0o077  # umask: every file the server writes is readable by its owner only


def prune_empty_storages() -> int:
    """Drop the empty per-browser storages no request is using; returns how many were dropped."""
    storage = app.storage
    users: dict[str, Any] = storage._users  # NiceGUI offers no public way to forget one
    busy = storage._active_request_sessions
    idle = [browser for browser, kept in users.items() if not kept and browser not in busy]
    for browser in idle:
        del users[browser]
    return len(idle)


async def keep_pruning(every: float = PRUNE_EVERY) -> None:
    while True:  # until the server stops (the task is cancelled)
        await asyncio.sleep(every)
        prune_empty_storages()


def report() -> dict[str, int]:
    """For /healthz?details: pages held in memory, connected or not, and per-browser storages."""
    return {"clients": len(Client.instances),
            "connected_clients": sum(c.has_socket_connection for c in Client.instances.values()),
            "browser_storages": len(app.storage._users)}


def keep_files_private(folder: Path) -> None:
    """From now on the server's files are its owner's only; NiceGUI's files already there become so too
    (they hold the facilitator's token: an earlier atelier left them readable by everyone)."""
    os.umask(PRIVATE_FILES)
    if folder.is_dir():
        for path in folder.glob("storage-*.json"):
            if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
                path.chmod(0o600)
