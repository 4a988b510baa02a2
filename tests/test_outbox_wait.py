"""A page's updates wait for its phone without a timer: whatever the page queued before its socket
was there (a slow phone, a locked screen) reaches the phone as soon as it connects."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from nicegui.outbox import Outbox

from atelier import outbox_wait, texts
from benchmarks.load import TOKEN, Tab, axis_presented, served


def test_nicegui_s_own_loop_is_replaced_only_when_it_is_the_one_this_copies() -> None:
    known = outbox_wait.nicegui_loop_is_known()
    assert outbox_wait.install() is known and outbox_wait.install() is known  # twice: the same
    assert (Outbox.loop is outbox_wait.loop) is known  # another NiceGUI keeps its own loop


async def test_what_a_page_queued_before_its_phone_connected_arrives_when_it_does(tmp_path: Path) -> None:
    async with served(tmp_path, "vote") as (code, server), httpx.AsyncClient(timeout=30) as http:
        console = Tab(server.base, f"/f/{code}?token={TOKEN}")
        await console.open(http)
        phone = Tab(server.base, f"/j/{code}")
        await phone.open(http, connect=False)  # the page is built; its phone has not connected yet
        assert not axis_presented(phone)
        await console.click(texts.CONSOLE_NEXT_AXIS)  # a room-wide change while that phone is away
        await asyncio.sleep(1.5)  # longer than any timer that could have woken the page's loop
        shown = phone.watch(axis_presented)
        await phone.connect()
        await asyncio.wait_for(shown, 5)  # the queued update came with the connection
        await asyncio.gather(phone.close(), console.close())
