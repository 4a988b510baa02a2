from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from nicegui import app
from nicegui.testing import User

from atelier.context import Atelier
from atelier.domain import records
from atelier.domain.model import PhaseKey
from atelier.store import TinyDBSessionStore
from tests.conftest import make_session

CODE = "ABCDEF"


@pytest.fixture
def seeded(data_dir: Path) -> str:
    """A démarche with phase 1 open, on disk before the app starts. Request it before `user`."""
    TinyDBSessionStore(data_dir).save(records.session_record(make_session(open_phase=PhaseKey.ETAT_DES_LIEUX)))
    return CODE


def running() -> Atelier:
    return app.state.atelier


def set_value(user: User, marker: str, value) -> None:
    """Choose in a select/radio/toggle as a tap would (the simulated user cannot open menus)."""
    with user:
        for element in user.find(marker=marker).elements:
            element.value = value


async def join(user: User, code: str, *, role: str = "elu", commune: str = "Fontenelle", name: str = "") -> None:
    await user.open(f"/j/{code}")
    set_value(user, "role", role)
    set_value(user, "commune", commune)
    if name:
        user.find(marker="name").type(name)
    user.find(marker="start").click()
    await user.should_see(marker="send")


async def post_difficulty(user: User, text: str, *, theme: str = "Mobilité", risk: str = "eleve") -> None:
    user.find(marker="text").type(text)
    set_value(user, "theme", theme)
    set_value(user, "risk", risk)
    user.find(marker="send").click()
    await asyncio.sleep(0.05)  # let the send handler run (it awaits the disk) before the next step
