"""Automatic backups: each démarche keeps its last good versions, as archives one can restore.

`<data dir>/backups/<CODE>/<CODE>-<AAAAMMJJ-HHMMSS>.json` is the session's JSON archive — the very
file « Archive JSON » downloads, so `atelier import` reads it too. The service writes one at the
first change after an hour without one, and each time a phase opens or closes (so at least one per
soirée); the newest `keep` are kept (`ATELIER_BACKUPS`, 48 by default). The files hold participants'
texts: only their owner may read them (0600).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_KEEP = 48
KEEP_ENV = "ATELIER_BACKUPS"
FOLDER = "backups"
_NAME = re.compile(r"^(?P<code>[A-Z0-9]{6})-(?P<at>\d{8}-\d{6})\.json$")


@dataclass(frozen=True)
class Backup:
    code: str
    at: datetime  # UTC
    path: Path


def keep_from_environment() -> int:
    try:
        return max(1, int(os.environ.get(KEEP_ENV, DEFAULT_KEEP)))
    except ValueError:
        return DEFAULT_KEEP


class Backups:
    def __init__(self, folder: Path, keep: int = DEFAULT_KEEP) -> None:
        self.folder, self.keep = folder, keep

    def write(self, code: str, archive: str, at: datetime) -> Path:
        """Write atomically (a temporary file renamed), then drop the oldest beyond `keep`."""
        folder = self.folder / code
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"{code}-{at.astimezone(UTC):%Y%m%d-%H%M%S}.json"
        # A temporary file of its own (mode 0600): two backups in the same second never share one.
        fd, temporary = tempfile.mkstemp(prefix=f".{code}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(archive)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for old in self.list(code)[self.keep:]:
            old.path.unlink(missing_ok=True)
        return path

    def list(self, code: str) -> list[Backup]:
        """Newest first."""
        folder = self.folder / code
        if not folder.is_dir():
            return []
        found = []
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and match["code"] == code:
                at = datetime.strptime(match["at"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
                found.append(Backup(code, at, path))
        return sorted(found, key=lambda b: b.at, reverse=True)

    def latest(self, code: str, at: datetime | None = None) -> Backup | None:
        """The newest backup, or the newest made at or before `at`."""
        return next((b for b in self.list(code) if at is None or b.at <= at), None)

    def delete_all(self, code: str) -> None:
        shutil.rmtree(self.folder / code, ignore_errors=True)
