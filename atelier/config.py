"""Run-time settings: where data lives, the facilitator's token, the address phones use."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "ATELIER_FACILITATOR_TOKEN"
SECRET_ENV = "ATELIER_STORAGE_SECRET"  # one for all the processes of a deployment: a phone stays itself
TOKEN_FILE = ".facilitator-token"
SECRET_FILE = ".storage-secret"


@dataclass(frozen=True)
class AppConfig:
    data_dir: Path
    facilitator_token: str
    storage_secret: str
    base_url: str  # what phones open: LAN address or --public-url

    @classmethod
    def from_data_dir(cls, data_dir: Path, base_url: str) -> AppConfig:
        data_dir.mkdir(parents=True, exist_ok=True)
        token = os.environ.get(TOKEN_ENV) or _kept_secret(data_dir / TOKEN_FILE)
        return cls(data_dir=data_dir, facilitator_token=token,
                   storage_secret=os.environ.get(SECRET_ENV) or _kept_secret(data_dir / SECRET_FILE), base_url=base_url)

    def facilitator_url(self) -> str:
        return f"{self.base_url}/?token={self.facilitator_token}"


def _kept_secret(path: Path) -> str:
    """Generated once, then read back: the same value after a restart."""
    if path.exists():
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    value = secrets.token_urlsafe(18)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value
